// Static files for the SPA, following SWA's order: routes[] (redirect/rewrite/headers), the file
// itself, navigationFallback for missing non-excluded paths, then responseOverrides["404"].
// https://learn.microsoft.com/azure/static-web-apps/configuration#fallback-routes
import { createReadStream, existsSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { findRoute, headersFor, isFallbackExcluded, mimeTypeFor, type SwaConfig } from './swa-config';

export interface StaticSite {
  root: string;
  config: SwaConfig;
}

/** Decodes a request path and refuses traversal, NUL bytes and backslash tricks. */
export function safeDecodePath(rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  return decoded;
}

function resolveFile(root: string, urlPath: string): { file: string; stats: Stats } | undefined {
  const base = resolve(root);
  let file = resolve(base, `.${urlPath}`);
  // Belt and braces after safeDecodePath: never leave the static root.
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  try {
    let stats = statSync(file);
    if (stats.isDirectory()) {
      file = join(file, 'index.html');
      stats = statSync(file);
    }
    return stats.isFile() ? { file, stats } : undefined;
  } catch {
    return undefined;
  }
}

function cacheControlFor(urlPath: string): string {
  // Vite fingerprints everything under /assets/, so those never change; HTML must revalidate
  // so a new deployment is picked up (https://vite.dev/guide/build#public-base-path).
  return urlPath.toLowerCase().startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function writeHead(res: ServerResponse, status: number, headers: Record<string, string>): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) {
    if (value === '') res.removeHeader(name);
    else res.setHeader(name, value);
  }
}

function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  site: StaticSite,
  found: { file: string; stats: Stats },
  status: number,
  urlPath: string,
  configHeaders: Record<string, string>,
): void {
  const etag = `W/"${found.stats.size.toString(16)}-${Math.floor(found.stats.mtimeMs).toString(16)}"`;
  const defaults: Record<string, string> = {
    'content-type': mimeTypeFor(site.config, extname(found.file)),
    'cache-control': cacheControlFor(urlPath),
    etag,
    'last-modified': found.stats.mtime.toUTCString(),
  };
  const headers = { ...defaults, ...configHeaders };
  if (status === 200 && req.headers['if-none-match'] === etag) {
    writeHead(res, 304, headers);
    res.end();
    return;
  }
  writeHead(res, status, { ...headers, 'content-length': String(found.stats.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  pipeline(createReadStream(found.file), res, (error) => {
    if (error && !res.destroyed) res.destroy(error);
  });
}

function sendText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string>,
): void {
  const body = Buffer.from(text);
  writeHead(res, status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-cache',
    ...headers,
    'content-length': String(body.length),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function redirect(
  res: ServerResponse,
  location: string,
  status: number | undefined,
  headers: Record<string, string>,
): void {
  writeHead(res, status ?? 302, { ...headers, location });
  res.end();
}

export function serveStatic(req: IncomingMessage, res: ServerResponse, site: StaticSite, rawPath: string): void {
  const method = (req.method ?? 'GET').toUpperCase();
  const path = safeDecodePath(rawPath);
  if (path === undefined) {
    sendText(req, res, 400, 'Bad request path', headersFor(site.config, undefined));
    return;
  }
  const route = findRoute(site.config, path, method);
  const headers = headersFor(site.config, route);
  if (route?.redirect) return redirect(res, route.redirect, route.statusCode, headers);
  if (method !== 'GET' && method !== 'HEAD') {
    return sendText(req, res, 405, 'Method not allowed', { ...headers, allow: 'GET, HEAD' });
  }
  const target = route?.rewrite ?? path;
  const found = resolveFile(site.root, target);
  if (found) return sendFile(req, res, site, found, route?.statusCode ?? 200, target, headers);

  const fallback = site.config.navigationFallback;
  if (fallback && !isFallbackExcluded(site.config, path)) {
    const page = resolveFile(site.root, fallback.rewrite);
    if (page) return sendFile(req, res, site, page, 200, fallback.rewrite, headers);
  }
  const override = site.config.responseOverrides['404'];
  if (override?.redirect) return redirect(res, override.redirect, override.statusCode, headers);
  const page = override?.rewrite ? resolveFile(site.root, override.rewrite) : undefined;
  if (page) return sendFile(req, res, site, page, override?.statusCode ?? 404, override?.rewrite ?? path, headers);
  const hint = existsSync(join(site.root, 'index.html'))
    ? ''
    : ` (${site.root} has no index.html: run "npm run build:web")`;
  sendText(req, res, 404, `Not found${hint}`, headers);
}
