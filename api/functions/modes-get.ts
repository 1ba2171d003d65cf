import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { ModeListQuery } from '../contracts/gallery';
import type { ModeList } from '../contracts/mode';
import { getDeps, type Deps } from '../deps';
import { withErrors } from '../http/errors';

/**
 * GET /api/modes[?sessionId=…] → the gallery: pre-built and approved generated modes, plus the
 * caller's own pending and refused ones when it names its session (docs/api.md "Moderation");
 * `generatedUnavailable: true` when storage could not give the designed modes just now.
 */
export function modesGet(deps: () => Deps) {
  return withErrors(async (request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    const query = ModeListQuery.parse({ sessionId: request.query.get('sessionId') ?? undefined });
    const { modes } = deps();
    // Storage down: the pre-built modes still answer, flagged so the page can say designed ones are missing.
    const body: ModeList = modes.listing ? await modes.listing(query) : { modes: await modes.list(query) };
    return { status: 200, jsonBody: body, headers: { 'Cache-Control': 'no-cache' } };
  });
}

app.http('modes-get', { route: 'modes', methods: ['GET'], handler: modesGet(getDeps) });
