import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import type { Health } from '../contracts/health';
import { getDeps, type Deps } from '../deps';
import { withErrors } from '../http/errors';

const OFFLINE_HINT =
  'Replies come from the built-in offline engine. To use Azure OpenAI, set AZURE_OPENAI_ENDPOINT (and the deployment names) and restart; see the README.';

export function healthGet(deps: () => Deps) {
  return withErrors(async (_request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    const { config, store } = deps();
    const storageOk = await Promise.race([store.ping(), new Promise<boolean>((r) => setTimeout(() => r(false), 2_000))]);
    const offline = config.provider === 'offline';
    const body: Health = {
      status: storageOk ? 'ok' : 'degraded',
      provider: config.provider,
      storage: storageOk ? 'ok' : 'unavailable',
      version: config.version,
      ...(offline ? { hint: OFFLINE_HINT } : {}),
      voice: offline
        ? { available: false, reason: 'Voice needs the Azure provider (gpt-realtime); the offline engine is text only.' }
        : { available: false, reason: 'Voice arrives with the realtime feature (issue #5).' },
    };
    return { status: 200, jsonBody: body, headers: { 'Cache-Control': 'no-store' } };
  });
}

app.http('health-get', { route: 'health', methods: ['GET'], handler: healthGet(getDeps) });
