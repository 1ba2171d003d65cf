import { z } from 'zod';
import type { Route } from './types';
import * as wire from './wire';

const ClientSecretBody = z.looseObject({
  session: z.looseObject({ type: z.literal('realtime'), model: z.string().min(1) }),
  expires_after: z.object({ anchor: z.literal('created_at'), seconds: z.number().int().min(10).max(7200) }).optional(),
});

/**
 * Minimal realtime and image routes: enough for deployment probes (`/api/health?deep=1`) — 404
 * `DeploymentNotFound` for unknown names, 400 for invalid bodies. Issue #5 replaces the realtime
 * route (sessions, `/realtime/calls` with a WebRTC peer) and #6 the image route, in the router table.
 */
export function probeRoutes(): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/openai\/v1\/realtime\/client_secrets$/,
      handler(ctx) {
        const parsed = ClientSecretBody.safeParse(ctx.body);
        if (!parsed.success)
          return void respond(
            ctx,
            wire.invalidRequestError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')),
          );
        const deployment = ctx.deployment(parsed.data.session.model);
        if (!deployment || deployment.kind !== 'realtime') return void respond(ctx, wire.deploymentNotFoundError());
        const seconds = parsed.data.expires_after?.seconds ?? 600;
        ctx.sendJson(200, {
          value: wire.newId('ek_emulated'),
          expires_at: Math.floor(Date.now() / 1000) + seconds,
          session: { ...parsed.data.session, id: wire.newId('sess') },
        });
      },
    },
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
