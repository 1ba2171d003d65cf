import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { Slug } from '../contracts/common';
import { getDeps, type Deps } from '../deps';
import { NotFound } from '../domain/errors';
import { publicJob, readJob } from '../domain/modes/generation/job';
import { publicChartJob, readChartJob } from '../domain/charts/chart-job';
import { withErrors } from '../http/errors';

/** GET /api/jobs/{id}: the job's status, result or friendly error (never its internal token). */
export function jobGet(deps: () => Deps) {
  return withErrors(async (request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    const id = Slug.safeParse(request.params.id);
    const { store, clock } = deps();
    const found = id.success ? await readJob(store, id.data) : undefined;
    // Chart image jobs (issue #6) share jobs/ with mode jobs; their ids (chart_<key>) never collide.
    const chart = !found && id.success ? await readChartJob(store, id.data) : undefined;
    if (!found && !chart) throw new NotFound(`Job "${String(request.params.id).slice(0, 48)}"`);
    const view = found ? publicJob(found.job, clock.now()) : publicChartJob(chart!.job, clock.now());
    return { status: 200, jsonBody: view, headers: { 'Cache-Control': 'no-store' } };
  });
}

app.http('job-get', { route: 'jobs/{id}', methods: ['GET'], handler: jobGet(getDeps) });
