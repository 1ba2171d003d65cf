// Storage goes away mid-run (issue #16 item 2): Azurite is stopped while a generation is under way
// and started again on the same ports and data a few seconds later. Meanwhile every request answers
// a retryable 503 that says what is wrong — never a 500, never a hang — and afterwards the runtime
// and its queue trigger carry on: the job accepted before the outage finishes, new work is accepted,
// and the API key's usage counters are exact. The outage here is OUTAGE_MS (shorter than the 20 s
// of the issue to keep the suite quick): the behaviour only depends on storage being down while
// requests arrive and while the running generation tries to store its result, which it is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableApiKeyStore } from '../../api/adapters/storage/table-api-keys';
import { runKeysCommand } from '../../api/cli/keys-command';
import { loadConfig } from '../../api/config';
import { ApiError } from '../../api/contracts/common';
import { Job, ModeJobAccepted } from '../../api/contracts/jobs';
import { freeAzuritePorts, startAzurite, type AzuriteHandle } from '../../api/local/azurite';
import { startLocal, type LocalRuntime } from '../../api/local/start';
import { until } from '../helpers/until';

const OUTAGE_MS = 8_000;
/** A request may take a few bounded storage tries, never more than this. */
const REQUEST_LIMIT_MS = 20_000;
const root = resolve(__dirname, '../..');
const data = mkdtempSync(join(tmpdir(), 'presto-outage-'));
let ports: { blobPort: number; queuePort: number; tablePort: number };
let azurite: AzuriteHandle | undefined;
let runtime: LocalRuntime;
let key: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

// Persistent (a temp folder) rather than in-memory: the data has to survive Azurite's restart.
const storage = () => startAzurite({ ...ports, location: data, root });

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  ports = await freeAzuritePorts();
  azurite = await storage();
  const keys = new TableApiKeyStore(loadConfig({ AzureWebJobsStorage: azurite.connectionString }));
  const created = await runKeysCommand(['create', '--name', 'outage', '--plan', 'starter'], keys, () => new Date());
  key = /pco_[A-Za-z0-9_-]+/.exec(created)![0];
  runtime = await startLocal({
    root,
    port: 0,
    quiet: true,
    env: {
      AI_PROVIDER: 'offline',
      PRESTO_OFFLINE_CHUNK_MS: '0',
      // The runtime uses this storage and starts none of its own (so stopping it is an outage).
      AzureWebJobsStorage: azurite.connectionString,
      // Test-only fault: designing a "museum" takes 4 s, so the outage lands mid-run.
      PRESTO_FAULT_INJECTION: 'generation-slow-4s:museum',
    },
  });
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await azurite?.stop();
  rmSync(data, { recursive: true, force: true });
  process.off('unhandledRejection', onUnhandled);
}, 60_000);

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${runtime.url}/api/${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', 'x-api-key': key, ...(init.headers ?? {}) },
    signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
  });
const postMode = (industry: string) => call('modes', { method: 'POST', body: JSON.stringify({ industry }) });
const jobStatus = async (id: string) => Job.parse(await (await call(`jobs/${id}`)).json()).status;

describe('a storage outage mid-run', () => {
  it('answers 503 storage_unavailable meanwhile, then finishes what it accepted and counts usage exactly', async () => {
    const accepted = await postMode('glass museum');
    expect(accepted.status).toBe(202);
    const { jobId } = ModeJobAccepted.parse(await accepted.json());
    await until('the design to start', async () => ((await jobStatus(jobId)) === 'running' ? true : undefined));

    await azurite!.stop();
    azurite = undefined;
    const outageEnds = Date.now() + OUTAGE_MS;
    // Every kind of request meets the outage: billed (the key's table), a job poll, a chart, and an
    // anonymous visitor (the demo budget's table).
    const chart = JSON.stringify({ modeId: 'banking', datasetIds: ['checking'], personaSeed: 3 });
    const during = await Promise.all([
      postMode('tea house'),
      call(`jobs/${jobId}`),
      call('charts', { method: 'POST', body: chart }),
      fetch(`${runtime.url}/api/charts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chart,
        signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
      }),
    ]);
    for (const res of during) {
      expect(res.status, res.url).toBe(503);
      const body = ApiError.parse(await res.json());
      expect(body.error).toMatchObject({ code: 'storage_unavailable', retryable: true });
      expect(body.error.message).toMatch(/storage/i);
    }
    // What needs no storage still works: the pre-built modes are listed.
    const list = await call('modes');
    expect(list.status).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, outageEnds - Date.now())));
    azurite = await storage();

    // The job accepted before the outage finishes; its generation tried to store during the outage.
    await until(
      'the accepted job to finish',
      async () => ((await jobStatus(jobId)) === 'done' ? true : undefined),
      60_000,
      250,
    );
    expect((await call(`modes/${jobId}`)).status).toBe(200);

    // The runtime and its queue trigger carry on: new work is accepted and done.
    const after = await postMode('tea house');
    expect(after.status).toBe(202);
    const next = ModeJobAccepted.parse(await after.json()).jobId;
    await until('new work to finish', async () => ((await jobStatus(next)) === 'done' ? true : undefined), 30_000, 250);

    // Exactly what was admitted: two designs started, two billed requests (the 503s counted nothing).
    const usage = (await (await call('usage?days=1')).json()) as {
      days: Array<{ requests: number; generations: number }>;
    };
    expect(usage.days.at(-1)).toMatchObject({ requests: 2, generations: 2 });
    expect(unhandled).toEqual([]);
  }, 120_000);
});
