import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { Slug } from '../contracts/common';
import { getDeps, type Deps } from '../deps';
import { NotFound } from '../domain/errors';
import { withErrors } from '../http/errors';

export function modeGet(deps: () => Deps) {
  return withErrors(async (request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    const id = Slug.safeParse(request.params.id);
    const mode = id.success ? await deps().modes.get(id.data) : undefined;
    if (!mode) throw new NotFound(`Mode "${String(request.params.id).slice(0, 48)}"`);
    return { status: 200, jsonBody: mode, headers: { 'Cache-Control': 'public, max-age=60' } };
  });
}

app.http('mode-get', { route: 'modes/{id}', methods: ['GET'], handler: modeGet(getDeps) });
