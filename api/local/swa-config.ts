// The subset of staticwebapp.config.json the local host honours, with SWA's matching rules.
// https://learn.microsoft.com/azure/static-web-apps/configuration
import { existsSync, readFileSync } from 'node:fs';

/**
 * The committed SWA configuration, relative to the project root. It is deliberately NOT named
 * staticwebapp.config.json: `swa deploy` (run by azd over the repository root) walks the whole tree
 * and keeps the last staticwebapp.config.json it meets, so the only file with that name must be the
 * one the build writes into web/dist (and the predeploy hook patches). Issue #11 item 6.
 */
export const SWA_CONFIG_SOURCE = 'web/staticwebapp.config.source.json';

export interface SwaRoute {
  route: string;
  methods?: string[];
  rewrite?: string;
  redirect?: string;
  statusCode?: number;
  headers?: Record<string, string>;
  allowedRoles?: string[];
}

export interface SwaOverride {
  rewrite?: string;
  redirect?: string;
  statusCode?: number;
}

export interface SwaConfig {
  routes: SwaRoute[];
  navigationFallback?: { rewrite: string; exclude?: string[] };
  responseOverrides: Record<string, SwaOverride>;
  globalHeaders: Record<string, string>;
  mimeTypes: Record<string, string>;
}

export function loadSwaConfig(file: string | undefined): SwaConfig {
  const empty: SwaConfig = { routes: [], responseOverrides: {}, globalHeaders: {}, mimeTypes: {} };
  if (!file || !existsSync(file)) return empty;
  let json: Partial<SwaConfig>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as Partial<SwaConfig>;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const config: SwaConfig = {
    routes: Array.isArray(json.routes) ? json.routes : [],
    navigationFallback: json.navigationFallback,
    responseOverrides: json.responseOverrides ?? {},
    globalHeaders: json.globalHeaders ?? {},
    mimeTypes: Object.fromEntries(Object.entries(json.mimeTypes ?? {}).map(([ext, type]) => [ext.toLowerCase(), type])),
  };
  for (const route of config.routes) {
    if (typeof route.route !== 'string' || !route.route.startsWith('/')) {
      throw new Error(`${file}: every routes[].route must start with "/" (got ${JSON.stringify(route.route)})`);
    }
    if (route.allowedRoles && !route.allowedRoles.includes('anonymous')) {
      console.warn(`[local] ${route.route}: allowedRoles are not enforced locally (no SWA auth emulation)`);
    }
  }
  return config;
}

const regexCache = new Map<string, RegExp>();

/**
 * SWA wildcard patterns: `*` matches any characters (slashes included), `{a,b}` alternatives,
 * case-insensitive. `/images/*` also matches `/images`, and a pattern without a leading slash
 * (e.g. `*.{css,js}`) matches anywhere in the path, as in navigationFallback.exclude.
 */
export function swaPatternToRegex(pattern: string): RegExp {
  const cached = regexCache.get(pattern);
  if (cached) return cached;
  let body = '';
  let depth = 0;
  for (const ch of pattern) {
    if (ch === '*') body += '.*';
    else if (ch === '{') {
      body += '(?:';
      depth++;
    } else if (ch === '}' && depth > 0) {
      body += ')';
      depth--;
    } else if (ch === ',' && depth > 0) body += '|';
    else body += ch.replace(/[.+?^$()|[\]\\{}]/g, '\\$&');
  }
  if (pattern.endsWith('/*')) body = `${body.slice(0, -'/.*'.length)}(?:/.*)?`;
  const regex = new RegExp(pattern.startsWith('/') ? `^${body}$` : `^(?:.*/)?${body}$`, 'i');
  regexCache.set(pattern, regex);
  return regex;
}

export function matchesPattern(pattern: string, path: string): boolean {
  return swaPatternToRegex(pattern).test(path);
}

/** routes[] are evaluated in order and the first match (path and method) wins. */
export function findRoute(config: SwaConfig, path: string, method: string): SwaRoute | undefined {
  return config.routes.find(
    (r) => matchesPattern(r.route, path) && (!r.methods || r.methods.some((m) => m.toUpperCase() === method)),
  );
}

export function isFallbackExcluded(config: SwaConfig, path: string): boolean {
  return (config.navigationFallback?.exclude ?? []).some((pattern) => matchesPattern(pattern, path));
}

/** Global headers, then route headers; an empty value removes the header (SWA semantics). */
export function headersFor(config: SwaConfig, route: SwaRoute | undefined): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const source of [config.globalHeaders, route?.headers ?? {}]) {
    for (const [name, value] of Object.entries(source)) merged[name.toLowerCase()] = value;
  }
  return merged;
}

const BUILTIN_MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export function mimeTypeFor(config: SwaConfig, extension: string): string {
  const ext = extension.toLowerCase();
  return config.mimeTypes[ext] ?? BUILTIN_MIME[ext] ?? 'application/octet-stream';
}
