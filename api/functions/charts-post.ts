import { app, type HttpResponseInit } from '@azure/functions';
import { CreateChartImageRequest, type ChartJobAccepted } from '../contracts/charts';
import { getDeps } from '../deps';
import { billedRoute, withBilling } from '../http/with-billing';
import { readJson } from '../http/read-json';

/** POST /api/charts {modeId, datasetIds, personaSeed} → 200 ChartImage when stored, 202 {jobId, statusUrl} while it is painted. */
export function chartsPost() {
  return billedRoute(async (request, context, billed): Promise<HttpResponseInit> => {
    const body = await readJson(request, CreateChartImageRequest);
    const outcome = await billed.requestChartImage(body);
    if (outcome.kind === 'ready')
      return { status: 200, jsonBody: outcome.image, headers: { 'Cache-Control': 'no-store' } };
    const statusUrl = `/api/jobs/${outcome.job.id}`;
    const accepted: ChartJobAccepted = { jobId: outcome.job.id, statusUrl };
    return {
      status: 202,
      jsonBody: accepted,
      headers: { Location: statusUrl, 'Retry-After': '1', 'Cache-Control': 'no-store' },
    };
  });
}

app.http('charts-post', {
  route: 'charts',
  methods: ['POST'],
  handler: withBilling('image', chartsPost(), getDeps),
});
