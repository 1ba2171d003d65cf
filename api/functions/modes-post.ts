import { app, type HttpResponseInit } from '@azure/functions';
import { CreateModeBody } from '../contracts/gallery';
import { getDeps } from '../deps';
import type { BillableRouteDeps } from '../http/billed-starters';
import { billedRoute, withBilling } from '../http/with-billing';
import { jobAccepted } from '../http/job-accepted';
import { readJson } from '../http/read-json';
import { ownedRequestMode } from '../http/gallery-owner';

/** POST /api/modes {industry, companyName?} → 200 Mode when ready, 202 {jobId, statusUrl} while it is designed. */
export function modesPost(deps: () => BillableRouteDeps) {
  return billedRoute(async (request, context, billed): Promise<HttpResponseInit> => {
    const body = await readJson(request, CreateModeBody);
    const outcome = await ownedRequestMode(
      billed.requestMode,
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
    return jobAccepted(outcome.job.id);
  });
}

app.http('modes-post', {
  route: 'modes',
  methods: ['POST'],
  handler: withBilling('generation', modesPost(getDeps), getDeps),
});
