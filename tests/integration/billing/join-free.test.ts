// "Joining is free, also under concurrency" (issue #16 item 6), the way a program would try it: one
// visitor on the DEFAULT demo budget fires 20 identical requests at once. Only the caller whose
// claim starts the work is charged, so all 20 are accepted, one picture (or design) is made, and
// the visitor still has the rest of the day's allowance — exactly one unit less.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartJobAccepted } from '../../../api/contracts/charts';
import { Job, ModeJobAccepted } from '../../../api/contracts/jobs';
import { loadConfig } from '../../../api/config';
import { startLocal, type LocalRuntime } from '../../../api/local/start';
import { until } from '../../helpers/until';

let runtime: LocalRuntime;
const defaults = loadConfig({});
beforeAll(async () => {
  runtime = await startLocal({
    root: path.resolve(__dirname, '../../..'),
    port: 0,
    inMemoryStorage: true,
    quiet: true,
    // No PRESTO_DEMO_* here: the public demo's own budget.
    env: { AI_PROVIDER: 'offline', PRESTO_OFFLINE_CHUNK_MS: '0' },
  });
}, 60_000);
afterAll(async () => runtime?.stop(), 30_000);

/** One anonymous visitor per test: its own client address. */
const poster = (address: string) => (route: string, body: unknown) =>
  fetch(`${runtime.url}/api/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });

async function finished(id: string): Promise<Job['status']> {
  return until(
    `job ${id} to finish`,
    async () => {
      const body = (await (await fetch(`${runtime.url}/api/jobs/${id}`)).json()) as { status: Job['status'] };
      return body.status === 'done' || body.status === 'failed' ? body.status : undefined;
    },
    30_000,
    100,
  );
}

describe('twenty identical requests at once from one visitor, default demo budget', () => {
  it('POST /api/charts: 20 accepted, one picture made, one of the 10 daily pictures spent', async () => {
    expect(defaults.PRESTO_DEMO_IMAGES_PER_DAY).toBe(10);
    const post = poster('198.51.100.20');
    const chart = { modeId: 'banking', datasetIds: ['checking'], personaSeed: 4242 };
    const answers = await Promise.all(Array.from({ length: 20 }, () => post('charts', chart)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 202 || s === 200)).toHaveLength(20);
    const jobs = new Set(
      await Promise.all(
        answers.filter((a) => a.status === 202).map(async (a) => ChartJobAccepted.parse(await a.json()).jobId),
      ),
    );
    expect(jobs.size).toBe(1); // one job, so one picture
    expect(await finished([...jobs][0]!)).toBe('done');

    // Nine more different pictures fit in the day's ten; the eleventh does not.
    for (let seed = 1; seed <= 9; seed++) {
      const res = await post('charts', { ...chart, personaSeed: seed });
      expect(res.status, `picture ${seed + 1} of 10`).toBe(202);
    }
    const over = await post('charts', { ...chart, personaSeed: 10 });
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ error: { code: 'rate_limited', limit: 'images_per_day' } });
  }, 90_000);

  it('POST /api/modes: 20 accepted, one design made, one of the 10 daily new industries spent', async () => {
    expect(defaults.PRESTO_DEMO_GENERATIONS_PER_DAY).toBe(10);
    const post = poster('198.51.100.21');
    const answers = await Promise.all(Array.from({ length: 20 }, () => post('modes', { industry: 'food truck' })));
    expect(answers.map((a) => a.status).filter((s) => s === 202 || s === 200)).toHaveLength(20);
    const jobs = new Set(
      await Promise.all(
        answers.filter((a) => a.status === 202).map(async (a) => ModeJobAccepted.parse(await a.json()).jobId),
      ),
    );
    expect(jobs.size).toBe(1);
    expect(await finished([...jobs][0]!)).toBe('done');

    // Nine more new industries fit in the day's ten; the eleventh does not.
    const seven = ['kite shop', 'ice rink', 'bike courier', 'tea house', 'ski school', 'pet groomer', 'piano tuner'];
    for (const industry of [...seven, 'dog walker', 'soap maker'])
      expect((await post('modes', { industry })).status, industry).toBe(202);
    const over = await post('modes', { industry: 'candle maker' });
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ error: { code: 'rate_limited', limit: 'generations_per_day' } });
  }, 90_000);
});
