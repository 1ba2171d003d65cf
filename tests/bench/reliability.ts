// Reliability figures (issue #16, README "Reliability"): how long a killed worker's job takes to be
// taken over and finished, how fast requests answer while storage is down, and how long until
// work accepted before the outage is done once it is back. Measured on the real runtime in a child
// process against an Azurite this bench owns, with a short lease (the figure scales with it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeAzuritePorts, startAzurite, type AzuriteHandle } from '../../api/local/azurite';
import { projectRoot, startChildRuntime } from '../helpers/child-runtime';

/** The bench's lease; in Azure it is 60 s (PRESTO_JOB_LEASE_SECONDS). */
export const BENCH_LEASE_SECONDS = 5;
const OUTAGE_MS = 20_000;

export interface ReliabilityFigures {
  /** SIGKILL → the repeated request is accepted as a takeover (lease + polling). */
  takeoverMs: number;
  /** SIGKILL → the taken-over job is done. */
  takeoverDoneMs: number;
  /** Answers while storage was down: slowest, and whether every one was a 503 storage_unavailable. */
  outageAnswerMaxMs: number;
  outageAll503: boolean;
  /** Storage back → the job accepted before the outage is done. */
  recoveredMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('reliability bench: timed out');
    await sleep(100);
  }
}

const post = (base: string, industry: string) =>
  fetch(`${base}/api/modes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.77' },
    body: JSON.stringify({ industry }),
    signal: AbortSignal.timeout(60_000),
  });
const status = async (base: string, id: string) =>
  ((await (await fetch(`${base}/api/jobs/${id}`)).json()) as { status?: string }).status;

export async function reliabilityBench(): Promise<ReliabilityFigures> {
  const data = mkdtempSync(join(tmpdir(), 'presto-bench-'));
  const ports = await freeAzuritePorts();
  const storage = () => startAzurite({ ...ports, location: data, root: projectRoot });
  let azurite: AzuriteHandle | undefined = await storage();
  const env = (extra: Record<string, string>) => ({
    AI_PROVIDER: 'offline',
    PRESTO_OFFLINE_CHUNK_MS: '0',
    AzureWebJobsStorage: azurite!.connectionString,
    PRESTO_JOB_LEASE_SECONDS: String(BENCH_LEASE_SECONDS),
    ...extra,
  });
  const children: Array<{ stop(): Promise<void> }> = [];
  try {
    // Takeover: kill the worker mid-design, then ask again until a new run is accepted.
    const first = await startChildRuntime(env({ PRESTO_FAULT_INJECTION: 'generation-slow:slowpoke' }));
    children.push(first);
    const { jobId } = (await (await post(first.url, 'slowpoke bakery')).json()) as { jobId: string };
    await poll(async () => ((await status(first.url, jobId)) === 'running' ? true : undefined), 30_000);
    await first.kill();
    const killed = Date.now();
    const second = await startChildRuntime(env({ PRESTO_FAULT_INJECTION: 'generation-slow-3s:museum' }));
    children.push(second);
    await poll(async () => ((await status(second.url, jobId)) === 'failed' ? true : undefined), 120_000);
    const accepted = await post(second.url, 'slowpoke bakery');
    if (accepted.status !== 202) throw new Error(`takeover answered ${accepted.status}`);
    const takeoverMs = Date.now() - killed;
    await poll(async () => ((await status(second.url, jobId)) === 'done' ? true : undefined), 60_000);
    const takeoverDoneMs = Date.now() - killed;

    // Outage: storage stops while a design (3 s) is under way; requests meanwhile; then it returns.
    const { jobId: museum } = (await (await post(second.url, 'glass museum')).json()) as { jobId: string };
    await poll(async () => ((await status(second.url, museum)) === 'running' ? true : undefined), 30_000);
    await azurite.stop();
    azurite = undefined;
    const outageEnds = Date.now() + OUTAGE_MS;
    let outageAnswerMaxMs = 0;
    let outageAll503 = true;
    while (Date.now() < outageEnds - 2_000) {
      const asked = Date.now();
      const res = await post(second.url, 'tea house');
      const body = (await res.json()) as { error?: { code?: string } };
      outageAnswerMaxMs = Math.max(outageAnswerMaxMs, Date.now() - asked);
      outageAll503 &&= res.status === 503 && body.error?.code === 'storage_unavailable';
      await sleep(1_000);
    }
    await sleep(Math.max(0, outageEnds - Date.now()));
    azurite = await storage();
    const back = Date.now();
    await poll(
      async () => ((await status(second.url, museum).catch(() => undefined)) === 'done' ? true : undefined),
      120_000,
    );
    return { takeoverMs, takeoverDoneMs, outageAnswerMaxMs, outageAll503, recoveredMs: Date.now() - back };
  } finally {
    for (const child of children) await child.stop();
    await azurite?.stop();
    rmSync(data, { recursive: true, force: true });
  }
}
