import { describe, expect, it, vi } from 'vitest';
import { ChartJobRecord } from '../../../../api/contracts/charts';
import { DEFAULT_LEASE_MS, heartbeatEvery } from '../../../../api/domain/jobs/staleness';
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

  it('a painting keeps its job by heartbeat; once its worker goes silent a lease later, the next request takes over', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let now = new Date('2026-11-15T10:00:00Z');
      const h = chartHarness(now);
      const advance = (ms: number) => h.setNow((now = new Date(now.getTime() + ms)));
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const paint = h.generator.generate.bind(h.generator);
      h.generator.generate = async (picture) => (await held, paint(picture));
      const first = await h.request(['spending']);
      const jobId = first.kind === 'job' ? first.job.id : '';
      const message = ChartImageMessage.parse(h.queue.sent[0]!.message);
      const running = processChartImage(
        message,
        { dequeueCount: 1, maxDequeueCount: 5 },
        {
          store: h.store,
          images: h.images,
          modes: h.modes,
          queue: h.queue,
          clock: h.clock,
          persona: h.persona,
          generator: h.generator,
          renderer: h.renderer,
        },
      );
      const stored = async () => ChartJobRecord.parse(await h.store.getJson(`jobs/${jobId}.json`));
      await vi.waitFor(async () => expect((await stored()).status).toBe('running'));
      for (let beat = 0; beat < 12; beat++) {
        advance(heartbeatEvery(DEFAULT_LEASE_MS));
        await vi.advanceTimersByTimeAsync(heartbeatEvery(DEFAULT_LEASE_MS));
      }
      const joined = await h.request(['spending']);
      expect(joined.kind === 'job' && joined.created).toBe(false);
      vi.clearAllTimers(); // the worker dies: no more beats
      advance(DEFAULT_LEASE_MS + 1);
      const taken = await h.request(['spending']);
      expect(taken.kind === 'job' && taken.created).toBe(true);
      expect((await stored()).token).not.toBe(message.token);
      release();
      expect(await running).toBe('done'); // a slow, not dead, worker still stores the picture, keyed by content
    } finally {
      vi.useRealTimers();
    }
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
          persona: h.persona,
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
    expect(outcome.run.result).toMatchObject({
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
    const result = MakeChartImageResult.parse(first.run.result);
    expect(result).toMatchObject({ status: 'generating', chart: { type: 'bar', title: 'Monthly spending' } });
    expect(first.job).toMatchObject({ kind: 'chart-image', status: 'queued' });
    await h.drain();
    const second = MakeChartImageResult.parse(
      (await runTool('make_chart_image', { dataset_ids: ['spending'] }, ctx)).run.result,
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
    expect(outcome.run.result).toMatchObject({ error: { code: 'unavailable' } });
  });
});
