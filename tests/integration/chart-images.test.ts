import { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../api/contracts/chat';
import { ChartImage, DEMO_PERSONA_SEED } from '../../api/contracts/charts';
import { checkPng } from '../../api/domain/charts/png';
import { tabChartDatasets } from '../../api/domain/charts/pregenerate';
import { BUILTIN_MODES } from '../../api/domain/modes/catalog';
import { chartPregenTimer } from '../../api/functions/chart-pregen-timer';
import { encodePng } from '../fakes/foundry-emulator/png';
import { chatTurn } from './chart-images.chat';
import {
  getChart,
  getChartJob,
  illustrate,
  logs,
  postChart,
  startChartEnv,
  until,
  type ChartEnv,
} from './chart-images.harness';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const chart = (datasetIds: string[], personaSeed = 42) => ({ modeId: 'banking', datasetIds, personaSeed });

describe('chart images on the azure provider (Foundry emulator + Azurite)', () => {
  let env: ChartEnv;
  beforeAll(async () => {
    env = await startChartEnv('azure');
  }, 60_000);
  afterAll(async () => env?.stop(), 30_000);
  const generated = () => env.emulator!.images.generated();

  it('cache hit: the second request (any visitor) is a 200 with the URL, no second generation; the PNG is served immutable with an ETag', async () => {
    const before = generated();
    const first = await illustrate(env.deps, chart(['checking']));
    expect(first.jobId).toMatch(/^chart_[0-9a-f]{32}$/);
    expect(first.image).toMatchObject({ source: 'model', fallback: false, width: 1536, height: 1024 });
    const again = await postChart(env.deps, chart(['checking']));
    expect(again.status).toBe(200);
    expect(ChartImage.parse(again.jsonBody)).toEqual(first.image);
    expect(generated() - before).toBe(1);
    const [request] = env.emulator!.images.requests().slice(-1);
    expect(request).toMatchObject({ size: '1536x1024', quality: 'low', n: 1 });
    expect(request).not.toHaveProperty('response_format');
    // The v1 surface Learn documents (AZURE_OPENAI_IMAGE_API default; tests/integration/azure-images.test.ts has both).
    expect(env.emulator!.requests.at(-1)).toMatchObject({
      path: '/openai/v1/images/generations',
      query: { 'api-version': 'preview' },
      body: { model: 'gpt-image-1-mini' },
    });

    const png = await getChart(env.deps, first.image.key);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(checkPng(png.bytes!)).toEqual({ width: 1536, height: 1024 });
    expect((await getChart(env.deps, first.image.key, { 'if-none-match': png.headers.get('etag')! })).status).toBe(304);
    const missing = await getChart(env.deps, '0'.repeat(32));
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'not_found', retryable: false } } });
  });

  it('20 concurrent identical requests → one job and exactly one generation', async () => {
    const before = generated();
    const responses = await Promise.all(Array.from({ length: 20 }, () => postChart(env.deps, chart(['savings']))));
    const jobIds = new Set(
      responses.map((r) => (r.status === 202 ? (r.jsonBody as { jobId: string }).jobId : 'ready')),
    );
    expect(jobIds.size).toBe(1);
    const { image } = await illustrate(env.deps, chart(['savings']));
    expect(image.fallback).toBe(false);
    expect(generated() - before).toBe(1);
  });

  it('429 → backoff honouring retry-after-ms → still throttled: the local rendering is stored and served marked (short cache), and the delayed retry replaces it with the real image', async () => {
    env.emulator!.images.enqueue(...[1, 2, 3].map(() => ({ kind: 'rate_limit' as const, retryAfterMs: 25 })));
    const sleeps = env.sleeps.length;
    const before = generated();
    const { image, jobId } = await illustrate(env.deps, chart(['mortgage']));
    expect(image).toMatchObject({ source: 'local', fallback: true });
    expect(env.sleeps.slice(sleeps)).toEqual([25, 25]);
    const fallback = await getChart(env.deps, image.key);
    expect(fallback.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    expect(fallback.headers.get('x-chart-image-source')).toBe('fallback');
    expect(checkPng(fallback.bytes!)).toEqual({ width: 1536, height: 1024 });
    // Meanwhile everyone gets the marked fallback at once.
    expect((await postChart(env.deps, chart(['mortgage']))).jsonBody).toMatchObject({ fallback: true });

    const replaced = await until('the real image', async () => {
      const job = await getChartJob(env.deps, jobId!);
      return job.result?.fallback === false ? job : undefined;
    });
    expect(replaced.result).toMatchObject({ key: image.key, url: image.url, source: 'model' });
    const real = await getChart(env.deps, image.key);
    expect(real.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(real.headers.get('etag')).not.toBe(fallback.headers.get('etag'));
    expect(Buffer.from(real.bytes!).equals(Buffer.from(fallback.bytes!))).toBe(false);
    expect(generated() - before).toBe(1);
    expect(logs.some((l) => /run 1 replaced/.test(l))).toBe(true);
  }, 30_000);

  it("Azure's content-filter refusal is not retried on the spot: fallback now, the model asked again later", async () => {
    env.emulator!.images.enqueue({ kind: 'content_filter', where: 'prompt' });
    const calls = env.emulator!.images.requests().length;
    const { image, jobId } = await illustrate(env.deps, chart(['credit_score']));
    expect(image).toMatchObject({ source: 'local', fallback: true });
    expect(env.emulator!.images.requests().length - calls).toBe(1);
    await until('replacement', async () =>
      (await getChartJob(env.deps, jobId!)).result?.fallback === false ? true : undefined,
    );
  }, 30_000);

  it('invalid PNGs from upstream are rejected: never stored as the real image; the fallback stays until a valid one arrives', async () => {
    env.emulator!.images.enqueue(
      { kind: 'image', b64: Buffer.from(`<html><body>${'Bad gateway. '.repeat(8)}</body></html>`).toString('base64') },
      { kind: 'image', b64: encodePng(1024, 1024, () => [0, 0, 0]).toString('base64') }, // a PNG, but not the size asked for
    );
    const { image, jobId } = await illustrate(env.deps, chart(['income']));
    expect(image).toMatchObject({ source: 'local', fallback: true });
    const stored = await getChart(env.deps, image.key);
    expect(checkPng(stored.bytes!)).toEqual({ width: 1536, height: 1024 });
    expect(logs.some((l) => /generation failed.*not a PNG signature/.test(l))).toBe(true);
    await until('second rejection', async () =>
      logs.some((l) => /retry 1 failed \(.*1024x1024 instead of 1536x1024/.test(l)) ? true : undefined,
    );
    expect((await getChart(env.deps, image.key)).headers.get('x-chart-image-source')).toBe('fallback');
    const job = await until('replacement', async () => {
      const j = await getChartJob(env.deps, jobId!);
      return j.result?.fallback === false ? j : undefined;
    });
    expect(job.result?.source).toBe('model');
  }, 30_000);

  it("the timer fills the cache for every pre-built mode's tab charts; a second run generates nothing", async () => {
    const timer = {
      isPastDue: false,
      schedule: { adjustForDST: true },
      scheduleStatus: { last: '', next: '', lastUpdated: '' },
    };
    const charts = BUILTIN_MODES.flatMap((m) =>
      tabChartDatasets(m).map((id) => ({ modeId: m.id, datasetIds: [id], personaSeed: DEMO_PERSONA_SEED })),
    );
    const before = generated();
    const ctx = () =>
      new InvocationContext({
        functionName: 'chart-pregen-timer',
        logHandler: (_l, ...a) => void logs.push(a.map(String).join(' ')),
      });
    await chartPregenTimer(() => env.deps)(timer, ctx());
    expect(logs.at(-1)).toBe(
      `chart-pregen: ${charts.length} charts: 0 cached, ${charts.length} queued, 0 pending, 0 failed`,
    );
    await until(
      'every pre-built chart',
      async () => {
        const statuses = await Promise.all(charts.map((c) => postChart(env.deps, c).then((r) => r.status)));
        return statuses.every((s) => s === 200) ? true : undefined;
      },
      90_000,
    );
    expect(generated() - before).toBe(charts.length);
    expect(new Set(charts.map((c) => c.modeId))).toEqual(new Set(BUILTIN_MODES.map((m) => m.id)));

    await chartPregenTimer(() => env.deps)(timer, ctx());
    expect(logs.at(-1)).toBe(
      `chart-pregen: ${charts.length} charts: ${charts.length} cached, 0 queued, 0 pending, 0 failed`,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(generated() - before).toBe(charts.length);
  }, 120_000);
});

describe('chart images on the offline provider (local renderer + Azurite)', () => {
  let env: ChartEnv;
  beforeAll(async () => {
    env = await startChartEnv('offline');
  }, 60_000);
  afterAll(async () => env?.stop(), 30_000);

  it('renders locally (final, not a fallback), caches, and serves it immutable', async () => {
    const { image, jobId } = await illustrate(env.deps, chart(['spending']));
    expect(jobId).toBeDefined();
    expect(image).toMatchObject({ source: 'local', fallback: false, width: 1536, height: 1024 });
    expect(image.alt).toMatch(
      /^Illustrated bar chart of Monthly spending for Harborstone Bank, .*: Monthly spending \$[\d,.]+[kM]? in /,
    );
    expect((await postChart(env.deps, chart(['spending']))).status).toBe(200);
    const png = await getChart(env.deps, image.key);
    expect(png.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(png.headers.get('x-chart-image-source')).toBe('local');
  });

  it('chat: "make me a picture of my …" calls make_chart_image: the tool and a chart-image job event, then the ready image the next time', async () => {
    const events = await chatTurn(env.deps, 'make me a picture of my credit card balance');
    const tool = events.find((e): e is Extract<ChatEvent, { type: 'tool' }> => e.type === 'tool');
    expect(tool).toMatchObject({
      name: 'make_chart_image',
      args: { dataset_ids: ['credit_card'] },
      result: { status: 'generating', chart: { title: 'Credit card balance' } },
    });
    expect(events.find((e) => e.type === 'job')).toMatchObject({ kind: 'chart-image', status: 'queued' });
    expect(events.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('')).toMatch(
      /painting your credit card balance chart/i,
    );
    const jobId = (tool!.result as { jobId: string }).jobId;
    await until('the image', async () => ((await getChartJob(env.deps, jobId)).status === 'done' ? true : undefined));
    const again = await chatTurn(env.deps, 'Illustrate my credit card balance');
    expect(again.find((e) => e.type === 'tool')).toMatchObject({
      result: { status: 'ready', image: { url: expect.stringMatching(/^\/api\/charts\//), fallback: false } },
    });
    expect(again.some((e) => e.type === 'job')).toBe(false);
  });

  it('bad requests are 400 JSON, never 500', async () => {
    expect(await postChart(env.deps, { modeId: 'banking', datasetIds: [], personaSeed: 4 })).toMatchObject({
      status: 400,
      jsonBody: { error: { code: 'invalid_request' } },
    });
    expect(await postChart(env.deps, chart(['yachts']))).toMatchObject({
      status: 400,
      jsonBody: { error: { code: 'unknown_dataset' } },
    });
    expect(await postChart(env.deps, { modeId: 'no-such-mode', datasetIds: ['a'], personaSeed: 4 })).toMatchObject({
      status: 404,
    });
  });
});
