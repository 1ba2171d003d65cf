import { describe, expect, it } from 'vitest';
import { ChartImageMessage, MakeChartImageResult } from '../../../../api/contracts/charts';
import { processChartImage } from '../../../../api/domain/charts/process-chart';
import { pregenerateCharts, tabChartDatasets, type RequestChart } from '../../../../api/domain/charts/pregenerate';
import { requestChartImage } from '../../../../api/domain/charts/request-chart';
import { UpstreamUnavailable } from '../../../../api/domain/errors';
import { BUILTIN_MODES, getBuiltinMode } from '../../../../api/domain/modes/catalog';
import { buildPersona } from '../../../../api/domain/persona';
import { runTool } from '../../../../api/domain/tools/registry';
import { chartHarness } from './harness';

describe('requesting a chart image (POST /api/charts, make_chart_image, the timer)', () => {
  it('20 concurrent identical requests share one job and one queue message', async () => {
    const h = chartHarness();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => h.request(['spending'])));
    expect(new Set(outcomes.map((o) => (o.kind === 'job' ? o.job.id : 'ready'))).size).toBe(1);
    expect(outcomes.filter((o) => o.kind === 'job' && o.created)).toHaveLength(1);
    expect(h.queue.sent).toHaveLength(1);
    await h.drain();
    expect(h.generator.calls).toBe(1);
  });

  it('unknown modes are 404 and unknown datasets 400, before anything is queued', async () => {
    const h = chartHarness();
    await expect(h.request(['spending', 'yachts'])).rejects.toMatchObject({ status: 400, code: 'unknown_dataset' });
    expect(h.queue.sent).toEqual([]);
  });

  it('queue down: the job is failed (nobody waits on it) and the caller gets a retryable 503; a later request starts over', async () => {
    const h = chartHarness();
    h.queue.failing = true;
    await expect(h.request(['checking'])).rejects.toMatchObject({ status: 503, retryable: true });
    h.queue.failing = false;
    expect(await h.request(['checking'])).toMatchObject({ kind: 'job', created: true, job: { status: 'queued' } });
  });

  it('replaceFallback (the timer) restarts a fallback only when no retry is pending', async () => {
    const h = chartHarness();
    h.generator.failures.push(new UpstreamUnavailable('busy'));
    await h.request(['savings']);
    const run = ChartImageMessage.parse(h.queue.sent.shift()!.message);
    await processChartImage(run, { dequeueCount: 1, maxDequeueCount: 5 }, h);
    h.queue.sent.length = 0; // the planned retry message is "in flight"
    expect(await h.request(['savings'], { replaceFallback: true })).toMatchObject({
      kind: 'ready',
      image: { fallback: true },
    });
    expect(h.queue.sent).toEqual([]);
    h.setNow(new Date('2026-11-15T11:30:00Z')); // the retry is long overdue: its message was lost
    expect(await h.request(['savings'], { replaceFallback: true })).toMatchObject({ kind: 'ready', requeued: true });
    expect(await h.drain()).toEqual(['done']);
    expect(await h.request(['savings'])).toMatchObject({ kind: 'ready', image: { fallback: false, source: 'model' } });
  });

  it('pre-generation queues every pre-built tab chart once; a second run queues nothing', async () => {
    const h = chartHarness();
    let n = 0;
    const call: RequestChart = (req, options) =>
      requestChartImage(
        req,
        {
          modes: h.modes,
          store: h.store,
          images: h.images,
          queue: h.queue,
          clock: h.clock,
          generator: h.generator,
          newToken: () => `run-${++n}-token`,
        },
        options,
      );
    const total = BUILTIN_MODES.reduce((n, m) => n + tabChartDatasets(m).length, 0);
    expect(await pregenerateCharts(BUILTIN_MODES, call)).toEqual({
      charts: total,
      cached: 0,
      queued: total,
      pending: 0,
      failed: 0,
    });
    expect(await pregenerateCharts(BUILTIN_MODES, call)).toEqual({
      charts: total,
      cached: 0,
      queued: 0,
      pending: total,
      failed: 0,
    });
    expect(new Set(h.queue.sent.map((s) => ChartImageMessage.parse(s.message).jobId)).size).toBe(total);
  });
});

describe('make_chart_image', () => {
  const banking = getBuiltinMode('banking')!;
  const persona = buildPersona(banking, 7, new Date('2026-11-15T00:00:00Z'));

  it('validates dataset ids against the current mode (a tool error the model can recover from)', async () => {
    const h = chartHarness();
    const outcome = await runTool(
      'make_chart_image',
      { dataset_ids: ['premiums'] },
      { mode: banking, persona, modes: h.modes, requestChartImage: (r) => h.request(r.datasetIds) },
    );
    expect(outcome.result).toMatchObject({
      error: { code: 'unknown_dataset', message: expect.stringContaining('Valid ids: checking') },
    });
    expect(h.queue.sent).toEqual([]);
  });

  it('returns the chart and a job the first time (a chat `job` event follows), the ready image afterwards', async () => {
    const h = chartHarness();
    const ctx = {
      mode: banking,
      persona,
      modes: h.modes,
      requestChartImage: (r: { datasetIds: string[] }) => h.request(r.datasetIds),
    };
    const first = await runTool('make_chart_image', { dataset_ids: ['spending'] }, ctx);
    const result = MakeChartImageResult.parse(first.result);
    expect(result).toMatchObject({ status: 'generating', chart: { type: 'bar', title: 'Monthly spending' } });
    expect(first.job).toMatchObject({ kind: 'chart-image', status: 'queued' });
    await h.drain();
    const second = MakeChartImageResult.parse(
      (await runTool('make_chart_image', { dataset_ids: ['spending'] }, ctx)).result,
    );
    expect(second).toMatchObject({
      status: 'ready',
      image: {
        url: expect.stringMatching(/^\/api\/charts\/[0-9a-f]{32}$/),
        alt: expect.stringContaining('Monthly spending $'),
      },
    });
  });

  it('without the chart service it says so instead of failing the turn', async () => {
    const outcome = await runTool(
      'make_chart_image',
      { dataset_ids: ['spending'] },
      { mode: banking, persona, modes: chartHarness().modes },
    );
    expect(outcome.result).toMatchObject({ error: { code: 'unavailable' } });
  });
});
