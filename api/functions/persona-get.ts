import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { PersonaSeed, Slug } from '../contracts/common';
import { getDeps, type Deps } from '../deps';
import { NotFound } from '../domain/errors';
import { withErrors } from '../http/errors';

const Query = z.object({ id: Slug, seed: z.coerce.number().pipe(PersonaSeed) });

export function personaGet(deps: () => Deps) {
  return withErrors(async (request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    const { id, seed } = Query.parse({ id: request.params.id, seed: request.query.get('seed') ?? undefined });
    const { modes, persona } = deps();
    const mode = await modes.get(id);
    if (!mode) throw new NotFound(`Mode "${id}"`);
    return { status: 200, jsonBody: persona(mode, seed), headers: { 'Cache-Control': 'no-cache' } };
  });
}

app.http('persona-get', { route: 'modes/{id}/persona', methods: ['GET'], handler: personaGet(getDeps) });
