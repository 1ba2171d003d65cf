// `npm run soak`: the hostile-input run of tests/integration/hostile-input.test.ts at full size —
// 10,000 requests (HOSTILE_RUNS) generated from the OpenAPI document with seed HOSTILE_SEED, sent to
// the real app on the local runtime (offline provider, in-memory Azurite). Prints the counts by
// status and by mutation, every failure, and exits 1 if there was one.
import path from 'node:path';
import fc from 'fast-check';
import { startLocal } from '../../api/local/start';
import { knownValues, runRequests, storageProbe } from '../integration/hostile-input.harness';
import { hostileRequests } from '../integration/hostile-input.requests';

const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 10_000);

async function main(): Promise<void> {
  const runtime = await startLocal({
    root: path.resolve(__dirname, '../../..'),
    port: 0,
    inMemoryStorage: true,
    quiet: true,
    env: {
      AI_PROVIDER: 'offline',
      PRESTO_OFFLINE_CHUNK_MS: '0',
      PRESTO_DEMO_REQUESTS_PER_MINUTE: '100000',
      PRESTO_DEMO_GENERATIONS_PER_DAY: '100000',
      PRESTO_DEMO_IMAGES_PER_DAY: '100000',
      PRESTO_DEMO_TOKENS_PER_DAY: '100000000',
    },
  });
  try {
    const started = Date.now();
    const doc = (await (await fetch(`${runtime.url}/api/openapi.json`)).json()) as Record<string, unknown>;
    const requests = fc.sample(hostileRequests(doc, await knownValues(runtime.url)), { seed: SEED, numRuns: RUNS });
    const result = await runRequests(runtime.url, storageProbe(runtime.storageConnectionString), requests);
    const health = await fetch(`${runtime.url}/api/health`);
    const fiveXx = Object.entries(result.byStatus).reduce((n, [s, c]) => n + (Number(s) >= 500 ? c : 0), 0);
    console.log(
      `hostile input (seed ${SEED}, HOSTILE_SEED=${SEED} replays it): ${RUNS} requests in ${((Date.now() - started) / 1000).toFixed(0)} s; by status ${JSON.stringify(result.byStatus)}; 5xx ${fiveXx} (documented 503s only); failures ${result.failures.length}  [target 0]; health afterwards ${health.status}  [must be 200]`,
    );
    console.log(`  by mutation: ${JSON.stringify(result.byKind)}`);
    console.log(
      `  accepted jobs followed in the background (their later writes are not blamed on refused requests): ${result.backgroundJobs}`,
    );
    for (const failure of result.failures) console.log(`  FAILED ${failure}`);
    if (result.failures.length || health.status !== 200) process.exitCode = 1;
  } finally {
    await runtime.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
