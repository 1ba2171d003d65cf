import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import type { ModeList } from '../contracts/mode';
import { getDeps, type Deps } from '../deps';
import { withErrors } from '../http/errors';

export function modesGet(deps: () => Deps) {
  return withErrors(async (_request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    const body: ModeList = { modes: await deps().modes.list() };
    return { status: 200, jsonBody: body, headers: { 'Cache-Control': 'no-cache' } };
  });
}

app.http('modes-get', { route: 'modes', methods: ['GET'], handler: modesGet(getDeps) });
