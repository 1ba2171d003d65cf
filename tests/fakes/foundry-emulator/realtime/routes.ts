import { z } from 'zod';
import type { Route, RouteContext } from '../types';
import * as wire from '../wire';
import type { CallSession } from './call';
import type { RealtimeEmulator } from './realtime-emulator';
import { deploymentNotFound, undocumentedMintField, unknownParameterError } from './strictness';

const ClientSecretBody = z.looseObject({
  session: z.looseObject({ type: z.literal('realtime'), model: z.string().min(1) }),
  expires_after: z.object({ anchor: z.literal('created_at'), seconds: z.number().int().min(10).max(7200) }).optional(),
});

const Say = z.object({ transcript: z.string().max(2000), speechMs: z.number().int().min(0).max(10_000).optional() });
const Script = z.object({
  replies: z
    .array(z.object({ kind: z.enum(['speak', 'text_only']), text: z.string().min(1).max(4000) }))
    .min(1)
    .max(10),
});

/**
 * Browsers call `/realtime/calls` cross-origin with the ephemeral secret
 * (https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-webrtc), so the
 * route answers CORS itself and exposes Location (which names the call).
 */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-expose-headers': 'location',
  'access-control-max-age': '600',
};

function fail(ctx: RouteContext, error: wire.WireError, headers: Record<string, string> = {}): void {
  ctx.sendJson(error.status, error.body, { ...error.headers, ...headers });
}

/**
 * The realtime routes: GA `client_secrets` (remembering each secret's session), `calls` (SDP offer →
 * 201 answer + Location, with a werift peer per call), and a control API for tests under
 * `/_emulator/realtime/…` (api-key auth like every other emulator route).
 */
export function realtimeRoutes(realtime: RealtimeEmulator): Route[] {
  const call = (ctx: RouteContext) => {
    const found = realtime.call(decodeURIComponent(ctx.match[1] ?? ''));
    if (!found) fail(ctx, wire.notFoundError());
    return found;
  };
  return [
    {
      method: 'POST',
      pattern: /^\/openai\/v1\/realtime\/client_secrets$/,
      handler(ctx) {
        const parsed = ClientSecretBody.safeParse(ctx.body);
        if (!parsed.success)
          return fail(
            ctx,
            wire.invalidRequestError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')),
          );
        const strict = realtime.strictness;
        const deployment = ctx.deployment(parsed.data.session.model);
        if (!deployment || deployment.kind !== 'realtime')
          return fail(ctx, deploymentNotFound(strict.missingDeploymentStatus ?? 404));
        const undocumented = strict.sessionFields ? undocumentedMintField(parsed.data.session) : undefined;
        if (undocumented) return fail(ctx, unknownParameterError(undocumented));
        const session = parsed.data.session as CallSession;
        const secret = realtime.mint(session, parsed.data.expires_after?.seconds ?? 600);
        // `{ value, expires_at, session }` is OpenAI's answer (openai-node
        // `src/resources/realtime/client-secrets.ts`); Azure's sample reads only `value`.
        ctx.sendJson(200, {
          value: secret.value,
          ...(strict.omitExpiresAt ? {} : { expires_at: secret.expiresAt }),
          session: { ...session, id: wire.newId('sess'), object: 'realtime.session' },
        });
      },
    },
    {
      method: 'OPTIONS',
      pattern: /^\/openai\/v1\/realtime\/calls$/,
      ownAuth: true,
      handler(ctx) {
        ctx.res.writeHead(204, CORS);
        ctx.res.end();
      },
    },
    {
      method: 'POST',
      pattern: /^\/openai\/v1\/realtime\/calls$/,
      ownAuth: true,
      async handler(ctx) {
        const bearer = /^Bearer (.+)$/.exec(ctx.req.headers.authorization ?? '')?.[1];
        const session = bearer ? realtime.redeem(bearer) : undefined;
        if (!session) return fail(ctx, wire.unauthorizedError(true), CORS);
        if (!/^application\/sdp\b/.test(ctx.req.headers['content-type'] ?? ''))
          return fail(ctx, wire.invalidRequestError('Content-Type must be application/sdp'), CORS);
        if (!ctx.rawBody.startsWith('v=0'))
          return fail(ctx, wire.invalidRequestError('The body is not an SDP offer.'), CORS);
        const placed = await realtime.place(ctx.rawBody, session);
        ctx.res.writeHead(201, {
          ...CORS,
          'content-type': 'application/sdp',
          location: `/v1/realtime/calls/${placed.id}`,
        });
        ctx.res.end(placed.peer.answerSdp);
      },
    },
    {
      method: 'GET',
      pattern: /^\/_emulator\/realtime\/calls\/([^/]+)$/,
      handler(ctx) {
        const found = call(ctx);
        if (found) ctx.sendJson(200, realtime.describe(found));
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/realtime\/calls\/([^/]+)\/say$/,
      handler(ctx) {
        const found = call(ctx);
        const body = Say.safeParse(ctx.body);
        if (!found) return;
        if (!body.success) return fail(ctx, wire.invalidRequestError(body.error.message));
        void found.userSays(body.data.transcript, body.data.speechMs);
        ctx.sendJson(202, { ok: true });
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/realtime\/calls\/([^/]+)\/script$/,
      handler(ctx) {
        const found = call(ctx);
        const body = Script.safeParse(ctx.body);
        if (!found) return;
        if (!body.success) return fail(ctx, wire.invalidRequestError(body.error.message));
        found.script(...body.data.replies);
        ctx.sendJson(200, { ok: true });
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/realtime\/calls\/([^/]+)\/expire$/,
      handler(ctx) {
        const found = call(ctx);
        if (!found) return;
        found.expire();
        ctx.sendJson(200, { ok: true });
      },
    },
  ];
}
