import type { Route } from './types';
import * as wire from './wire';

/**
 * A minimal image route: enough for deployment probes (`/api/health?deep=1`) — 404
 * `DeploymentNotFound` for unknown names, 400 for invalid bodies. The realtime routes, probes
 * included, live in realtime/routes.ts; #6 replaces this image route in the router table.
 */
export function probeRoutes(): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/openai\/deployments\/([^/]+)\/images\/generations$/,
      handler(ctx) {
        const deployment = ctx.deployment(decodeURIComponent(ctx.match[1] ?? ''));
        if (!deployment || deployment.kind !== 'image') return void respond(ctx, wire.deploymentNotFoundError());
        if (!ctx.url.searchParams.get('api-version'))
          return void respond(ctx, { status: 404, body: { error: { code: '404', message: 'Resource not found' } } });
        const prompt = (ctx.body as { prompt?: unknown } | undefined)?.prompt;
        if (typeof prompt !== 'string' || prompt.trim() === '')
          return void respond(ctx, wire.invalidRequestError("'' is too short - 'prompt'", 'prompt'));
        ctx.sendJson(501, { error: { code: 'not_emulated', message: 'Image generation is emulated by issue #6.' } });
      },
    },
  ];
}

function respond(
  ctx: { sendJson(status: number, body: unknown, headers?: Record<string, string>): void },
  error: wire.WireError,
): void {
  ctx.sendJson(error.status, error.body, error.headers);
}
