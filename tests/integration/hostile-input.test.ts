// Property-based hostile input (issue #16 item 5): requests for every route of the app's own OpenAPI
// document, valid and mutated (wrong types, huge and deeply nested values, odd encodings, prototype
// pollution keys, path tricks, wrong content types, empty bodies), sent byte for byte to the real app
// on the local runtime. No undocumented 5xx, every error the JSON error shape, the app healthy after,
// and nothing stored by a refused request. `npm run bench` sends 10,000 (tests/bench/hostile.ts).
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../api/local/start';
import { knownValues, runRequests, storageProbe } from './hostile-input.harness';
import { hostileRequests, operationsOf } from './hostile-input.requests';

/** HOSTILE_SEED=<n> replays a failed run; HOSTILE_RUNS=<n> sends more. */
const SEED = Number(process.env.HOSTILE_SEED ?? 16_005);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 300);

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startLocal({
    root: path.resolve(__dirname, '../..'),
    port: 0,
    inMemoryStorage: true,
    quiet: true,
    env: {
      AI_PROVIDER: 'offline',
      PRESTO_OFFLINE_CHUNK_MS: '0',
      // Valid requests should reach the handlers, not the demo budget (its 429s are tested elsewhere).
      PRESTO_DEMO_REQUESTS_PER_MINUTE: '100000',
      PRESTO_DEMO_GENERATIONS_PER_DAY: '100000',
      PRESTO_DEMO_IMAGES_PER_DAY: '100000',
    },
  });
}, 60_000);
afterAll(async () => runtime?.stop(), 30_000);

describe('hostile input on every route of the OpenAPI document (the real app on the local runtime)', () => {
  it(`answers ${RUNS} generated requests without an undocumented 5xx, stores nothing it refused, stays healthy`, async () => {
    const doc = (await (await fetch(`${runtime.url}/api/openapi.json`)).json()) as Record<string, unknown>;
    expect(operationsOf(doc).length).toBeGreaterThanOrEqual(13);
    const requests = fc.sample(hostileRequests(doc, await knownValues(runtime.url)), { seed: SEED, numRuns: RUNS });
    const result = await runRequests(runtime.url, storageProbe(runtime.storageConnectionString), requests);
    const accepted = Object.entries(result.byStatus).reduce((n, [s, c]) => n + (Number(s) < 400 ? c : 0), 0);
    expect(result.failures, `seed ${SEED} (HOSTILE_SEED=${SEED} replays it):\n${result.failures.join('\n')}`).toEqual(
      [],
    );
    // Both halves were exercised: some requests were accepted, most mutated ones refused.
    expect(accepted).toBeGreaterThan(RUNS / 10);
    expect(RUNS - accepted).toBeGreaterThan(RUNS / 3);
    const health = await fetch(`${runtime.url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBeTruthy();
  }, 600_000);
});
