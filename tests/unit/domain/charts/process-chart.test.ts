import { describe, expect, it } from 'vitest';
import { ChartImageMessage, ChartJobRecord } from '../../../../api/contracts/charts';
import { ImageRefused, InvalidImage } from '../../../../api/domain/charts/image-errors';
import { chartImagePath } from '../../../../api/domain/charts/key';
import { processChartImage, RETRY_DELAYS_SECONDS } from '../../../../api/domain/charts/process-chart';
import { UpstreamUnavailable } from '../../../../api/domain/errors';
import { chartHarness } from './harness';

const job = (h: ReturnType<typeof chartHarness>, key: string) =>
  ChartJobRecord.parse(h.store.docs.get(`jobs/chart_${key}.json`));

describe('the chart-images queue handler (processChartImage)', () => {
  it('paints once, stores the model image and finishes the job', async () => {
    const h = chartHarness();
    const first = await h.request(['spending']);
    expect(first.kind).toBe('job');
    expect(await h.drain()).toEqual(['done']);
    const again = await h.request(['spending']);
    expect(again).toMatchObject({
      kind: 'ready',
      image: { source: 'model', fallback: false, width: 1536, height: 1024 },
    });
    expect(h.generator.calls).toBe(1);
  });

  it("429 (after the adapter's own retries) → the local rendering stored as a fallback, the job done with it, a retry planned after Azure's advice", async () => {
    const h = chartHarness();
    h.generator.failures.push(new UpstreamUnavailable('Azure OpenAI is rate limiting; try again in 90 s.', 90_000));
    const first = await h.request(['spending']);
    const key = first.kind === 'job' ? first.job.id.slice('chart_'.length) : '';
    const [message] = h.queue.sent.map((s) => ChartImageMessage.parse(s.message));
    h.queue.sent.length = 0;
    expect(
      await processChartImage(message!, { dequeueCount: 1, maxDequeueCount: 5 }, { ...h, generator: h.generator }),
    ).toBe('fallback');
    expect(h.images.blobs.get(chartImagePath(key))?.metadata).toMatchObject({ source: 'local', fallback: 'true' });
    expect(job(h, key)).toMatchObject({ status: 'done', result: { fallback: true, source: 'local' }, retry: { n: 1 } });
    expect(h.queue.sent).toEqual([{ queue: 'chart-images', message: { ...message, retry: 1 }, delaySeconds: 90 }]);
    // Served at once, marked, to everyone who asks meanwhile.
    expect(await h.request(['spending'])).toMatchObject({ kind: 'ready', image: { fallback: true } });

    expect(await h.drain()).toEqual(['replaced']);
    expect(h.images.blobs.get(chartImagePath(key))?.metadata).toMatchObject({ source: 'model', fallback: 'false' });
    const done = job(h, key);
    expect(done).toMatchObject({ status: 'done', result: { fallback: false, source: 'model' } });
    expect(done.retry).toBeUndefined();
    expect(h.generator.calls).toBe(2);
  });

  it('content filtered and invalid PNGs fall back too; failed retries back off, then stop (the timer asks again)', async () => {
    const h = chartHarness();
    h.generator.failures.push(
      new ImageRefused('Your task failed as a result of our safety system.'),
      ...RETRY_DELAYS_SECONDS.map(() => new InvalidImage('not a PNG signature')),
    );
    const first = await h.request(['checking']);
    const key = first.kind === 'job' ? first.job.id.slice('chart_'.length) : '';
    const delays: number[] = [];
    const outcomes: string[] = [];
    while (h.queue.sent.length) {
      const sent = h.queue.sent.shift()!;
      if (sent.delaySeconds) delays.push(sent.delaySeconds);
      outcomes.push(
        await processChartImage(ChartImageMessage.parse(sent.message), { dequeueCount: 1, maxDequeueCount: 5 }, h),
      );
    }
    expect(outcomes).toEqual(['fallback', ...RETRY_DELAYS_SECONDS.map(() => 'kept-fallback')]);
    expect(delays).toEqual([...RETRY_DELAYS_SECONDS]);
    expect(h.images.blobs.get(chartImagePath(key))?.metadata).toMatchObject({ source: 'local', fallback: 'true' });
    expect(job(h, key).retry).toBeUndefined();
    expect(h.generator.calls).toBe(1 + RETRY_DELAYS_SECONDS.length);
  });

  it('a duplicate delivery of a retry runs once; a superseded run is skipped', async () => {
    const h = chartHarness();
    h.generator.failures.push(new UpstreamUnavailable('busy'));
    await h.request(['savings']);
    const deps = { ...h };
    const run = ChartImageMessage.parse(h.queue.sent.shift()!.message);
    expect(await processChartImage(run, { dequeueCount: 1, maxDequeueCount: 5 }, deps)).toBe('fallback');
    const retry = ChartImageMessage.parse(h.queue.sent.shift()!.message);
    const both = await Promise.all([
      processChartImage(retry, { dequeueCount: 1, maxDequeueCount: 5 }, deps),
      processChartImage(retry, { dequeueCount: 2, maxDequeueCount: 5 }, deps),
    ]);
    expect(both.sort()).toEqual(['replaced', 'skipped']);
    expect(
      await processChartImage(
        { ...retry, retry: 0, token: 'someone-elses-run' },
        { dequeueCount: 1, maxDequeueCount: 5 },
        deps,
      ),
    ).toBe('skipped');
    expect(h.generator.calls).toBe(2);
  });

  it('a fallback never overwrites a model image that another run stored first', async () => {
    const h = chartHarness();
    await h.request(['income']);
    const message = ChartImageMessage.parse(h.queue.sent.shift()!.message);
    // Another run wins the race while ours is throttled.
    h.generator.failures.push(new UpstreamUnavailable('busy'));
    const slow = h.generator.generate.bind(h.generator);
    h.generator.generate = async (picture) => {
      const real = await new (await import('./harness')).ScriptedImageGenerator().generate(picture);
      const key = [...h.store.docs.keys()]
        .find((k) => k.startsWith('jobs/chart_'))!
        .slice('jobs/chart_'.length, -'.json'.length);
      await h.images.put(chartImagePath(key), real.bytes, {
        source: 'model',
        fallback: 'false',
        width: '1536',
        height: '1024',
        alt: 'x',
      });
      return slow(picture);
    };
    expect(await processChartImage(message, { dequeueCount: 1, maxDequeueCount: 5 }, h)).toBe('done');
    expect([...h.images.blobs.values()][0]!.metadata).toMatchObject({ source: 'model', fallback: 'false' });
    expect(h.queue.sent).toEqual([]);
  });

  it('when even the local renderer fails, the host retries; the last attempt fails the job with a reason', async () => {
    const h = chartHarness();
    h.generator.failures.push(new UpstreamUnavailable('busy'), new UpstreamUnavailable('busy'));
    h.renderer.render = async () => {
      throw new Error('renderer crashed');
    };
    const first = await h.request(['transfers']);
    const key = first.kind === 'job' ? first.job.id.slice('chart_'.length) : '';
    const message = ChartImageMessage.parse(h.queue.sent.shift()!.message);
    await expect(processChartImage(message, { dequeueCount: 1, maxDequeueCount: 2 }, h)).rejects.toThrow(
      'renderer crashed',
    );
    expect(job(h, key).status).toBe('queued');
    await expect(processChartImage(message, { dequeueCount: 2, maxDequeueCount: 2 }, h)).rejects.toThrow(
      'renderer crashed',
    );
    expect(job(h, key)).toMatchObject({ status: 'failed', error: { code: 'image_failed', retryable: true } });
  });
});
