import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { RealtimeSessionRequest } from '../contracts/realtime';
import { getDeps } from '../deps';
import type { BillableRouteDeps } from '../http/billed-starters';
import { startRealtimeSession } from '../domain/realtime/start-session';
import { withErrors } from '../http/errors';
import { withBilling } from '../http/with-billing';
import { readJson } from '../http/read-json';

/**
 * Mints a voice session for the browser: a short-lived client secret carrying the server-built
 * session config, plus the part Azure would not take in the mint for the browser's first
 * `session.update`. The browser then talks WebRTC to Azure directly (docs/pitfalls.md 2.2) and can
 * read its own session config there (8.2), which is why it holds nothing secret. It starts no
 * pictures or modes, so it needs no `billed` starters: its cost is the session unit withBilling
 * takes at admission.
 */
export function realtimeSessionPost(deps: () => BillableRouteDeps) {
  return withErrors(async (request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    const body = await readJson(request, RealtimeSessionRequest);
    const { config, modes, persona, realtimeSecrets, realtimeLimiter, clock } = deps();
    const session = await startRealtimeSession(body, {
      modes,
      persona,
      secrets: realtimeSecrets,
      limiter: realtimeLimiter,
      clock,
      settings: {
        provider: config.provider,
        realtimeRegion: config.AZURE_OPENAI_REALTIME_REGION,
        deployment: config.AZURE_OPENAI_REALTIME_DEPLOYMENT,
        transcriptionModel: config.AZURE_OPENAI_TRANSCRIPTION_MODEL,
        sessionMaxSeconds: config.PRESTO_REALTIME_SESSION_SECONDS,
      },
    });
    // A secret must never be cached by the browser or anything in between.
    return { status: 200, jsonBody: session, headers: { 'Cache-Control': 'no-store' } };
  });
}

app.http('realtime-session-post', {
  route: 'realtime/session',
  methods: ['POST'],
  handler: withBilling('realtime', realtimeSessionPost(getDeps), getDeps),
});
