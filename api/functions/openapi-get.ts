import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { openApiDocument } from '../contracts/openapi';
import { ROUTES } from '../contracts/openapi-routes';
import { getDeps, type Deps } from '../deps';
import { withErrors } from '../http/errors';

let document: Record<string, unknown> | undefined;

/** GET /api/openapi.json: generated once per process from the zod contracts. */
export function openapiGet(deps: () => Pick<Deps, 'config'>) {
  return withErrors(async (_request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    document ??= openApiDocument(ROUTES, deps().config.version);
    return { status: 200, jsonBody: document, headers: { 'Cache-Control': 'public, max-age=300' } };
  });
}

app.http('openapi-get', { route: 'openapi.json', methods: ['GET'], handler: openapiGet(getDeps) });
