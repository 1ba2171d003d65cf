// A worker killed mid-generation (SIGKILL, as a crashed or recycled instance) must not leave its
// industry waiting on a dead job: the job's lease stops being renewed, it goes stale, and the next
// request takes it over. The runtime runs in a child process against an Azurite this test owns, so
// killing the runtime kills only the worker and storage keeps every write (issue #16, items 1 and 7).
import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job, JobRecord, ModeJobAccepted } from '../../api/contracts/jobs';
import { Mode, ModeList } from '../../api/contracts/mode';
import { freeAzuritePorts, startAzurite, type AzuriteHandle } from '../../api/local/azurite';
import { startChildRuntime, type ChildRuntime } from '../helpers/child-runtime';
import { until } from '../helpers/until';

let azurite: AzuriteHandle;
const children: ChildRuntime[] = [];

beforeAll(async () => {
  azurite = await startAzurite({
    ...(await freeAzuritePorts()),
    inMemory: true,
  });
});
afterAll(async () => {
  for (const child of children) await child.stop();
  await azurite?.stop();
}, 60_000);

/** A short lease, so the test waits seconds for a takeover instead of a minute. */
const LEASE_SECONDS = 2;
const settings = (extra: Record<string, string> = {}) => ({
  AI_PROVIDER: 'offline',
  PRESTO_OFFLINE_CHUNK_MS: '0',
  AzureWebJobsStorage: azurite.connectionString,
  PRESTO_JOB_LEASE_SECONDS: String(LEASE_SECONDS),
  ...extra,
});

async function runtime(extra?: Record<string, string>): Promise<ChildRuntime> {
  const child = await startChildRuntime(settings(extra));
  children.push(child);
  return child;
}

const request = { industry: 'slowpoke bakery' };
const postMode = (base: string) =>
  fetch(`${base}/api/modes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
const getJob = async (base: string, id: string) => Job.parse(await (await fetch(`${base}/api/jobs/${id}`)).json());

async function storedJob(id: string): Promise<JobRecord> {
  const blob = BlobServiceClient.fromConnectionString(azurite.connectionString)
    .getContainerClient('presto')
    .getBlockBlobClient(`jobs/${id}.json`);
  // One GET: downloadToBuffer reads the size first and then the bytes, so a job rewritten in
  // between (its brand or lease recorded) would come back cut at the old length.
  const body = (await blob.download()).readableStreamBody!;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return JobRecord.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
}

describe('a generation whose worker is killed', () => {
  it('is taken over by the next request once its lease lapses, and finishes with one stored mode', async () => {
    // The designer hangs for this industry (test-only fault), so the kill lands mid-run.
    const first = await runtime({ PRESTO_FAULT_INJECTION: 'generation-slow:slowpoke' });
    const accepted = await postMode(first.url);
    expect(accepted.status).toBe(202);
    const { jobId } = ModeJobAccepted.parse(await accepted.json());

    // Running, and its heartbeat renews the lease while the designer works.
    const leases = new Set<string>();
    await until(
      'the running job to renew its lease twice',
      async () => {
        const job = await storedJob(jobId);
        if (job.status === 'running' && job.leaseUntil) leases.add(job.leaseUntil);
        return leases.size >= 3 ? true : undefined;
      },
      20_000,
      100,
    );

    await first.kill();
    // Storage outlived the worker: the job is still there, still "running", with nobody behind it,
    // and the brand its request designed (issue #12) already shown.
    const orphan = await storedJob(jobId);
    expect(orphan.status).toBe('running');
    expect(orphan).toMatchObject({ stage: 'brand', brand: { name: expect.any(String) } });
    const shown = orphan.brand!;

    const second = await runtime();
    // Once the lease has lapsed the job reads as stalled (retryable), not as running forever.
    const stalled = await until(
      'the dead run to read as stalled',
      async () => {
        const job = await getJob(second.url, jobId);
        return job.status === 'failed' ? job : undefined;
      },
      20_000,
      200,
    );
    expect(stalled.error).toMatchObject({ code: 'stalled', retryable: true });

    // The same request again takes the job over (a new run of the same job) and it finishes.
    const again = await postMode(second.url);
    expect(again.status).toBe(202);
    expect(ModeJobAccepted.parse(await again.json()).jobId).toBe(jobId);
    // The new run keeps the look the dead one showed: nothing flips on screen.
    expect((await getJob(second.url, jobId)).brand).toEqual(shown);
    const done = await until(
      'the taken-over job to finish',
      async () => {
        const job = await getJob(second.url, jobId);
        return job.status === 'done' ? job : undefined;
      },
      30_000,
      200,
    );
    expect(done.result).toEqual({ modeId: jobId });
    expect((await storedJob(jobId)).token).not.toBe(orphan.token);

    // One stored mode, listed once, and asking again answers it at once.
    const mode = await fetch(`${second.url}/api/modes/${jobId}`);
    expect(mode.status).toBe(200);
    const stored = Mode.parse(await mode.json());
    expect(stored.id).toBe(jobId);
    expect({ name: stored.name, tagline: stored.tagline, theme: stored.theme }).toEqual({
      name: shown.name,
      tagline: shown.tagline,
      theme: shown.theme,
    });
    const list = ModeList.parse(await (await fetch(`${second.url}/api/modes`)).json());
    expect(list.modes.filter((m) => m.id === jobId)).toHaveLength(1);
    const names = [];
    for await (const item of BlobServiceClient.fromConnectionString(azurite.connectionString)
      .getContainerClient('presto')
      .listBlobsFlat({ prefix: 'modes/' }))
      names.push(item.name);
    expect(names.filter((n) => n.startsWith(`modes/${jobId}`))).toEqual([`modes/${jobId}.json`]);
    expect((await postMode(second.url)).status).toBe(200);
  }, 120_000);
});
