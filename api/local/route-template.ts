// Functions HTTP route templates (ASP.NET Core routing syntax): literal segments, `{name}`,
// optional `{name?}`, constraints `{id:int}` and catch-all `{*rest}`; matched case-insensitively.
// https://learn.microsoft.com/azure/azure-functions/functions-bindings-http-webhook-trigger#customize-the-http-endpoint
import type { Registration } from './functions-core-shim';
import { triggerOf } from './functions-core-shim';

type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'param'; name: string; optional: boolean; constraint?: string }
  | { kind: 'catchAll'; name: string };

export interface CompiledRoute {
  registration: Registration;
  template: string;
  methods: string[] | undefined;
  segments: Segment[];
}

export interface RouteMatch {
  route: CompiledRoute;
  params: Record<string, string>;
}

function parseSegment(raw: string): Segment {
  const param = /^\{(\*)?([A-Za-z_][\w]*)(?::([^}?=]+))?(\?)?\}$/.exec(raw);
  if (!param) return { kind: 'literal', text: raw.toLowerCase() };
  const [, star, name = '', constraint, optional] = param;
  if (star) return { kind: 'catchAll', name };
  return { kind: 'param', name, optional: Boolean(optional), constraint: constraint?.toLowerCase() };
}

const CONSTRAINTS: Record<string, RegExp> = {
  int: /^-?\d+$/,
  long: /^-?\d+$/,
  bool: /^(true|false)$/i,
  alpha: /^[a-z]+$/i,
  guid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

function satisfies(value: string, constraint: string | undefined): boolean {
  if (!constraint) return true;
  const rule = CONSTRAINTS[constraint.split('(')[0] ?? ''];
  return rule ? rule.test(value) : true;
}

/** Lower rank = more specific; literals beat parameters, which beat optionals and catch-alls. */
function rank(segment: Segment): number {
  if (segment.kind === 'literal') return 0;
  if (segment.kind === 'catchAll') return 4;
  return segment.optional ? 3 : segment.constraint ? 1 : 2;
}

export function compileRoutes(registry: Registration[]): CompiledRoute[] {
  const routes: CompiledRoute[] = [];
  for (const registration of registry) {
    const trigger = triggerOf(registration);
    if (trigger?.type !== 'httpTrigger') continue;
    // Without `route`, the function name is the route (types/http.d.ts HttpTriggerOptions.route).
    const template = (typeof trigger.route === 'string' ? trigger.route : registration.name).replace(/^\/+|\/+$/g, '');
    const methods = Array.isArray(trigger.methods) ? trigger.methods.map((m) => String(m).toUpperCase()) : undefined;
    const segments = template === '' ? [] : template.split('/').map(parseSegment);
    routes.push({ registration, template, methods, segments });
  }
  return routes.sort((a, b) => {
    const length = Math.max(a.segments.length, b.segments.length);
    for (let i = 0; i < length; i++) {
      const diff = (a.segments[i] ? rank(a.segments[i]!) : 5) - (b.segments[i] ? rank(b.segments[i]!) : 5);
      if (diff !== 0) return diff;
    }
    return 0;
  });
}

function matchOne(route: CompiledRoute, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i]!;
    const part = parts[i];
    if (segment.kind === 'catchAll') {
      if (i < parts.length) params[segment.name] = parts.slice(i).join('/');
      return params;
    }
    if (part === undefined) {
      // Only trailing optional segments may be absent.
      return route.segments.slice(i).every((s) => s.kind === 'param' && s.optional) ? params : undefined;
    }
    if (segment.kind === 'literal') {
      if (part.toLowerCase() !== segment.text) return undefined;
    } else {
      if (!satisfies(part, segment.constraint)) return undefined;
      params[segment.name] = part;
    }
  }
  return parts.length === route.segments.length ? params : undefined;
}

/**
 * Finds every route whose template matches `path` (already stripped of the route prefix,
 * percent-decoded per segment). Callers pick by method and answer 405 when only others match.
 */
export function matchRoutes(routes: CompiledRoute[], path: string): RouteMatch[] {
  const raw = path.replace(/^\/+|\/+$/g, '');
  let parts: string[];
  try {
    parts = raw === '' ? [] : raw.split('/').map((p) => decodeURIComponent(p));
  } catch {
    return [];
  }
  const matches: RouteMatch[] = [];
  for (const route of routes) {
    const params = matchOne(route, parts);
    if (params) matches.push({ route, params });
  }
  return matches;
}

export function allowsMethod(route: CompiledRoute, method: string): boolean {
  return !route.methods || route.methods.includes(method.toUpperCase());
}
