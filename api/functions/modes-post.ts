import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { CreateModeBody } from '../contracts/gallery';
import type { ModeJobAccepted } from '../contracts/jobs';
import { getDeps, type Deps } from '../deps';
import { withErrors } from '../http/errors';
import { withBilling } from '../http/with-billing';
import { billedStarters } from '../http/billed-starters';
import { readJson } from '../http/read-json';
import { ownedRequestMode } from '../http/gallery-owner';

/** POST /api/modes {industry, companyName?} → 200 Mode when ready, 202 {jobId, statusUrl} while it is designed. */
export function modesPost(deps: () => Deps) {
  return withErrors(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const body = await readJson(request, CreateModeBody);
    const { requestMode } = billedStarters(deps(), context);
    const outcome = await ownedRequestMode(
      requestMode,
      deps().gallery,
      body.sessionId,
      context,
    )({
      industry: body.industry,
      companyName: body.companyName ?? null,
    });
    // Flagged words were cut out before use; logging them is how unusual requests get reviewed.
    const made = outcome.kind === 'ready' ? outcome.mode.id : outcome.job.id;
    if (outcome.flags?.length) context.warn(`modes-post: sanitised request for ${made}: ${outcome.flags.join(', ')}`);
    if (outcome.kind === 'ready')
      return { status: 200, jsonBody: outcome.mode, headers: { 'Cache-Control': 'no-store' } };
    const statusUrl = `/api/jobs/${outcome.job.id}`;
    const accepted: ModeJobAccepted = { jobId: outcome.job.id, statusUrl };
    return {
      status: 202,
      jsonBody: accepted,
      headers: { Location: statusUrl, 'Retry-After': '1', 'Cache-Control': 'no-store' },
    };
  });
}

app.http('modes-post', {
  route: 'modes',
  methods: ['POST'],
  handler: withBilling('generation', modesPost(getDeps), getDeps),
});
