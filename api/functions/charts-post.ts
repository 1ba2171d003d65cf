import { app, type HttpResponseInit } from '@azure/functions';
import { CreateChartImageRequest } from '../contracts/charts';
import { getDeps } from '../deps';
import { billedRoute, withBilling } from '../http/with-billing';
import { jobAccepted } from '../http/job-accepted';
import { readJson } from '../http/read-json';

/** POST /api/charts {modeId, datasetIds, personaSeed} → 200 ChartImage when stored, 202 {jobId, statusUrl} while it is painted. */
export function chartsPost() {
  return billedRoute(async (request, context, billed): Promise<HttpResponseInit> => {
    const body = await readJson(request, CreateChartImageRequest);
    const outcome = await billed.requestChartImage(body);
    if (outcome.kind === 'ready')
      return { status: 200, jsonBody: outcome.image, headers: { 'Cache-Control': 'no-store' } };
    return jobAccepted(outcome.job.id);
  });
}

app.http('charts-post', {
  route: 'charts',
  methods: ['POST'],
  handler: withBilling('image', chartsPost(), getDeps),
});
