import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import type { Health } from '../contracts/health';
import { getDeps, type Deps } from '../deps';
import { imageAvailability } from '../domain/charts/image-availability';
import { voiceAvailability } from '../domain/realtime/availability';
import { withErrors } from '../http/errors';

const OFFLINE_HINT =
  'Replies come from the built-in offline engine. To use Azure OpenAI, set AZURE_OPENAI_ENDPOINT (and the deployment names) and restart; see the README.';

export function healthGet(deps: () => Deps) {
  return withErrors(async (request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    // A bad app setting throws ConfigError here: withErrors answers 503 `misconfigured` naming it.
    const { config, store, deployments: probe } = deps();
    // Shallow health never calls Azure; `?deep=1` probes each configured deployment (docs/pitfalls.md 10.2).
    const deep = request.query.get('deep') === '1' && probe ? probe.check() : undefined;
    // Bounded so a storage outage answers "degraded" instead of hanging; generous because the first ping also creates the container.
    const storageOk = await Promise.race([
      store.ping(),
      new Promise<boolean>((r) => setTimeout(() => r(false), 5_000).unref()),
    ]);
    const deployments = await deep;
    const offline = config.provider === 'offline';
    const body: Health = {
      status: storageOk && (deployments ?? []).every((d) => d.status === 'ok') ? 'ok' : 'degraded',
      provider: config.provider,
      storage: storageOk ? 'ok' : 'unavailable',
      version: config.version,
      ...(offline ? { hint: OFFLINE_HINT } : {}),
      voice: voiceAvailability({ provider: config.provider, realtimeRegion: config.AZURE_OPENAI_REALTIME_REGION }),
      images: imageAvailability({ provider: config.provider, imageDeployment: config.AZURE_OPENAI_IMAGE_DEPLOYMENT }),
      ...(deployments ? { deployments } : {}),
    };
    return { status: 200, jsonBody: body, headers: { 'Cache-Control': 'no-store' } };
  });
}

app.http('health-get', { route: 'health', methods: ['GET'], handler: healthGet(getDeps) });
