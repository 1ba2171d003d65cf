import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { getDeps, type Deps } from '../deps';
import { withErrors } from '../http/errors';
import { moderateOverHttp } from '../http/operator';
import { withBilling } from '../http/with-billing';

/** POST /api/modes/{id}/unhide (operator keys): the mode is approved and listed for everyone again. */
export function modeUnhidePost(deps: () => Deps) {
  return withErrors((request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> =>
    moderateOverHttp(request, deps(), 'approved'),
  );
}

// Billed as one request like a tool call: the key check (401) and the per-minute limit come from with-billing.
app.http('mode-unhide-post', {
  route: 'modes/{id}/unhide',
  methods: ['POST'],
  handler: withBilling('tool', modeUnhidePost(getDeps), getDeps),
});
