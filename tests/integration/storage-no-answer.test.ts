// A storage that accepts connections and never answers (issue #16 item 2): a hung private endpoint
// or load balancer refuses nothing, so no connection error ever ends the wait. The SDKs' own
// timeouts are server-side only, so each storage operation carries a client-side deadline; this
// test puts a stalling TCP proxy (tests/helpers/stalling-proxy.ts) between the runtime and an
// in-memory Azurite and checks that requests still end in the retryable 503 within the request
// limit, and that the queue trigger, whose receive hung too, picks up work again once storage answers.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/contracts/common';
import { Job, ModeJobAccepted } from '../../api/contracts/jobs';
import { ModeList } from '../../api/contracts/mode';
import { devConnectionString, freeAzuritePorts, startAzurite, type AzuriteHandle } from '../../api/local/azurite';
import { startLocal, type LocalRuntime } from '../../api/local/start';
import { startStallingProxy, type StallingProxy } from '../helpers/stalling-proxy';
import { until } from '../helpers/until';

/** Without a client-side deadline these requests never end; the bound only keeps a failure from hanging the suite. */
const REQUEST_LIMIT_MS = 60_000;
const root = resolve(__dirname, '../..');
let azurite: AzuriteHandle | undefined;
let proxies: StallingProxy[] = [];
let runtime: LocalRuntime | undefined;

beforeAll(async () => {
  const ports = await freeAzuritePorts();
  azurite = await startAzurite({ ...ports, inMemory: true, root });
  proxies = await Promise.all([ports.blobPort, ports.queuePort, ports.tablePort].map(startStallingProxy));
  const [blob, queue, table] = proxies;
  runtime = await startLocal({
    root,
    port: 0,
    quiet: true,
    env: {
      AI_PROVIDER: 'offline',
      PRESTO_OFFLINE_CHUNK_MS: '0',
      // The runtime's storage is the proxy, so it starts no Azurite of its own.
      AzureWebJobsStorage: devConnectionString({
        blobPort: blob!.port,
        queuePort: queue!.port,
        tablePort: table!.port,
      }),
    },
  });
}, 60_000);

afterAll(async () => {
  for (const proxy of proxies) proxy.resume();
  await runtime?.stop();
  await Promise.all(proxies.map((p) => p.close()));
  await azurite?.stop();
}, 60_000);

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${runtime!.url}/api/${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
    signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
  });
const postMode = (industry: string) => call('modes', { method: 'POST', body: JSON.stringify({ industry }) });
const jobStatus = async (id: string) => Job.parse(await (await call(`jobs/${id}`)).json()).status;

describe('a storage that accepts connections and never answers', () => {
  it('answers 503 storage_unavailable instead of hanging, and the queue trigger recovers with storage', async () => {
    const before = await postMode('glass museum');
    expect(before.status).toBe(202);
    const { jobId } = ModeJobAccepted.parse(await before.json());
    await until('the first design to finish', async () => ((await jobStatus(jobId)) === 'done' ? true : undefined));

    for (const proxy of proxies) proxy.stall();
    const chart = JSON.stringify({ modeId: 'banking', datasetIds: ['checking'], personaSeed: 3 });
    // The demo budget's table, a job blob, and a new job's create: each meets the silent storage.
    const during = await Promise.all([
      call('charts', { method: 'POST', body: chart }),
      call(`jobs/${jobId}`),
      postMode('tea house'),
    ]);
    for (const res of during) {
      expect(res.status, res.url).toBe(503);
      const body = ApiError.parse(await res.json());
      expect(body.error).toMatchObject({ code: 'storage_unavailable', retryable: true });
      expect(body.error.message).toMatch(/storage did not answer in time/i);
    }
    // The list still answers with the pre-built modes, and says the designed ones are missing.
    const list = await call('modes');
    expect(list.status).toBe(200);
    const modes = ModeList.parse(await list.json());
    expect(modes.modes.map((m) => m.id)).toContain('banking');
    expect(modes.generatedUnavailable).toBe(true);

    for (const proxy of proxies) proxy.resume();
    // New work is accepted and done: the queue trigger's receive, cut off while storage was silent, polls again.
    const after = await until('a request to be accepted again', async () => {
      const res = await postMode('tea house');
      return res.status === 202 ? res : undefined;
    });
    const next = ModeJobAccepted.parse(await after.json()).jobId;
    await until('new work to finish', async () => ((await jobStatus(next)) === 'done' ? true : undefined), 60_000, 250);
    const listed = ModeList.parse(await (await call('modes')).json());
    expect(listed.generatedUnavailable).toBeUndefined();
  }, 180_000);
});
