// @vitest-environment happy-dom
/// <reference types="vite/client" />
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job, JobBrand } from '../../../api/contracts/jobs';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { useChartImage, type ChartImageState } from '../../../web/src/features/illustrate/use-chart-image';
import { useJobWatch, type JobView } from '../../../web/src/features/modes/use-job-watch';
import { loadInflightJob, saveInflightJob } from '../../../web/src/lib/inflight-job';

// The one web poller (web/src/api/poll.ts) as a user meets it through the job watcher and the chart
// image card: a passing outage is polled through, a permanent answer ends the watch with its reason,
// and a page or card that goes away stops polling. Fake timers: no test waits on the clock.

const JOB_ID = 'veterinary-clinic--happy-paws';
const REQUEST = { industry: 'veterinary clinic', companyName: 'Happy Paws', label: 'Happy Paws' };

const job = (patch: Partial<Job>): Job => ({
  id: JOB_ID,
  kind: 'mode-generation',
  status: 'running',
  createdAt: '2026-12-03T10:00:00.000Z',
  updatedAt: '2026-12-03T10:00:00.000Z',
  attempts: 1,
  ...patch,
});
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const storageDown = () =>
  json(
    { error: { code: 'storage_unavailable', message: 'Our storage is not reachable right now.', retryable: true } },
    503,
    { 'Retry-After': '5' },
  );

/** Answers GET /api/jobs/{id} from a script, one entry per poll; the last entry repeats. */
function scriptPolls(script: (() => Response | Promise<Response>)[]) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    calls.push(String(url));
    const next = script.length > 1 ? script.shift()! : script[0]!;
    return next();
  });
  return calls;
}

let host: HTMLElement;
type Watch = ReturnType<typeof useJobWatch>;
function mountWatch() {
  const seen: { watch?: Watch; ready: string[]; failed: string[]; brands: string[] } = {
    ready: [],
    failed: [],
    brands: [],
  };
  function Harness() {
    seen.watch = useJobWatch((modeId) => seen.ready.push(modeId), {
      onBrand: (b) => seen.brands.push(b.companyName),
      onFailed: (_id, why) => seen.failed.push(why),
    });
    return null;
  }
  host = document.createElement('div');
  document.body.append(host);
  void act(() => render(h(Harness, {}), host));
  return seen;
}
const view = (seen: { watch?: Watch }): JobView | null => seen.watch!.job;
const unmount = () => void act(() => render(null, host));

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
});
afterEach(() => {
  unmount();
  host?.remove();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the job watcher (one poller for jobs and chart images)', () => {
  it('keeps polling through a 503 storage_unavailable, waiting as long as Retry-After asks, then lands', async () => {
    const calls = scriptPolls([storageDown, () => json(job({ status: 'done', result: { modeId: JOB_ID } }))]);
    const seen = mountWatch();
    void seen.watch!.watch(JOB_ID, 'queued', REQUEST);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(1);
    // The outage is shown as passing, not as a failure, and the next poll waits the 5 s asked for.
    expect(view(seen)).toMatchObject({ status: 'queued', trouble: expect.stringMatching(/Still trying/) });
    await vi.advanceTimersByTimeAsync(4_900);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(2);
    expect(seen.ready).toEqual([JOB_ID]);
    expect(seen.failed).toEqual([]);
  });

  it('looks for the brand every 0.2 s at first, so it is on screen within 0.2 s of landing on the job', async () => {
    const running = () => json(job({ status: 'running' }));
    const look = getBuiltinMode('healthcare')!;
    const brand: JobBrand = {
      name: 'Happy Paws',
      companyName: 'Happy Paws',
      tagline: look.tagline,
      primaryColor: look.theme.primary,
      theme: look.theme,
      icon: look.tabs[0]!.icon,
      tabs: look.tabs.map(({ id, label, icon }) => ({ id, label, icon })),
    };
    const branded = () => json(job({ status: 'running', stage: 'brand', brand }));
    // The brand lands on the job between the 7th and 8th poll (1.4-1.6 s after the job event).
    const calls = scriptPolls([...Array.from({ length: 7 }, () => running), branded]);
    const seen = mountWatch();
    void seen.watch!.watch(JOB_ID, 'queued', REQUEST);
    await vi.advanceTimersByTimeAsync(1_400);
    expect(seen.brands).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(8);
    expect(seen.brands).toEqual(['Happy Paws']);
  });

  it('keeps polling when the connection drops for a moment', async () => {
    const calls = scriptPolls([
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => json(job({ status: 'done', result: { modeId: JOB_ID } })),
    ]);
    const seen = mountWatch();
    void seen.watch!.watch(JOB_ID, 'queued', REQUEST);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(3);
    expect(seen.ready).toEqual([JOB_ID]);
  });

  it('ends at a failed job with its reason and Retry, and forgets it for a reload', async () => {
    scriptPolls([
      () =>
        json(
          job({
            status: 'failed',
            error: { code: 'generation_failed', message: 'The designer gave up.', retryable: true },
          }),
        ),
    ]);
    const seen = mountWatch();
    void seen.watch!.watch(JOB_ID, 'queued', REQUEST);
    expect(loadInflightJob()).toMatchObject({ jobId: JOB_ID, label: 'Happy Paws' });
    await vi.advanceTimersByTimeAsync(400);
    expect(view(seen)).toMatchObject({ status: 'failed', error: 'The designer gave up.' });
    expect(view(seen)?.final).toBeUndefined(); // Retry is offered
    expect(seen.failed).toEqual(['failed']);
    expect(loadInflightJob()).toBeNull();
  });

  it('ends at a permanent error (4xx) instead of polling on', async () => {
    const calls = scriptPolls([
      () => json({ error: { code: 'invalid_request', message: 'That is not a job id.', retryable: false } }, 400),
    ]);
    const seen = mountWatch();
    void seen.watch!.watch(JOB_ID, 'queued', REQUEST);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
    expect(view(seen)).toMatchObject({ status: 'failed', error: 'That is not a job id.' });
  });

  it('stops polling when the page goes away', async () => {
    const calls = scriptPolls([() => json(job({ status: 'running' }))]);
    const seen = mountWatch();
    void seen.watch!.watch(JOB_ID, 'queued', REQUEST);
    await vi.advanceTimersByTimeAsync(1_000);
    const before = calls.length;
    expect(before).toBeGreaterThan(0);
    unmount();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(before);
  });

  it('gives up after a bounded number of polls with a retryable reason', async () => {
    const calls = scriptPolls([() => json(job({ status: 'running' }))]);
    const seen = mountWatch();
    void seen.watch!.watch(JOB_ID, 'queued', REQUEST);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(calls.length).toBeLessThanOrEqual(60);
    expect(view(seen)).toMatchObject({ status: 'failed', error: 'This is taking longer than expected.' });
    expect(view(seen)?.final).toBeUndefined();
  });

  it('after a reload, resumes the saved job from its look and lands on the finished mode', async () => {
    const brand = {
      companyName: 'Happy Paws',
      name: 'Veterinary clinic',
      tagline: 'Care',
      theme: { primary: '#336699' },
    };
    saveInflightJob({ ...REQUEST, jobId: JOB_ID, brand: { ...brand, tabs: [1, 2, 3, 4, 5] } as never });
    const calls = scriptPolls([() => json(job({ status: 'done', result: { modeId: JOB_ID } }))]);
    const seen = mountWatch();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.brands).toEqual(['Happy Paws']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls[0]).toContain(`/api/jobs/${JOB_ID}`);
    expect(seen.ready).toEqual([JOB_ID]);
    expect(loadInflightJob()).toBeNull();
  });

  it('after a reload, drops a job the server does not know (404) without a failure banner', async () => {
    saveInflightJob({ ...REQUEST, jobId: JOB_ID });
    scriptPolls([() => json({ error: { code: 'not_found', message: 'Job not found.', retryable: false } }, 404)]);
    const seen = mountWatch();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(seen.failed).toEqual(['unknown']);
    expect(view(seen)).toBeNull();
    expect(loadInflightJob()).toBeNull();
  });
});

describe('the chart image card', () => {
  it('keeps polling its job through a 503 and shows the image', async () => {
    const image = { url: 'https://example.test/chart.png', key: 'k', createdAt: '2026-12-03T10:00:00.000Z' };
    const answers = [
      () => json({ jobId: 'chart_k', statusUrl: '/api/jobs/chart_k' }, 202),
      storageDown,
      () => json({ id: 'chart_k', kind: 'chart-image', status: 'done', result: image }),
    ];
    vi.stubGlobal('fetch', async () => answers.shift()!());
    let state: ChartImageState = { status: 'painting' };
    function Card() {
      state = useChartImage({ modeId: 'banking', personaSeed: 1 }, ['savings']);
      return null;
    }
    host = document.createElement('div');
    document.body.append(host);
    void act(() => render(h(Card, {}), host));
    await vi.advanceTimersByTimeAsync(400);
    expect(state.status).toBe('painting');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state).toMatchObject({ status: 'ready', image: { url: image.url } });
  });
});
