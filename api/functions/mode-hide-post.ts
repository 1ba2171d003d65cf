import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { getDeps, type Deps } from '../deps';
import { withErrors } from '../http/errors';
import { moderateOverHttp } from '../http/operator';
import { withBilling } from '../http/with-billing';

/** POST /api/modes/{id}/hide (operator keys): the mode leaves every gallery list at once; its link still opens it. */
export function modeHidePost(deps: () => Deps) {
  return withErrors((request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> =>
    moderateOverHttp(request, deps(), 'hidden'),
  );
}

// Billed as one request like a tool call: the key check (401) and the per-minute limit come from with-billing.
app.http('mode-hide-post', {
  route: 'modes/{id}/hide',
  methods: ['POST'],
  handler: withBilling('tool', modeHidePost(getDeps), getDeps),
});
