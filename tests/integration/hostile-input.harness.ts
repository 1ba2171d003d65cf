// Sends HostileRequests to the running app byte for byte and judges each answer and what it left in
// storage. Shared by tests/integration/hostile-input.test.ts and tests/bench/hostile.ts.
import { Agent, request as httpRequest } from 'node:http';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueServiceClient } from '@azure/storage-queue';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { ApiError } from '../../api/contracts/common';
import type { HostileRequest, KnownValues } from './hostile-input.requests';

/** The documented 5xx answers (README "HTTP API", docs/api.md): everything else 5xx is a bug. */
export const DOCUMENTED_503 = new Set(['voice_unavailable', 'storage_unavailable', 'misconfigured']);

const REQUEST_TIMEOUT_MS = 30_000;

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** One request, its target exactly as given (no dot-segment or percent normalisation, unlike fetch). */
export function send(baseUrl: string, req: HostileRequest): Promise<Answer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.target,
        agent,
        headers: { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no complete answer within ${REQUEST_TIMEOUT_MS} ms (a hang)`)));
    r.on('error', reject);
    r.end(req.body);
  });
}

/** What is wrong with an answer, or undefined: no undocumented 5xx, every error the JSON error shape. */
export function judgeAnswer(req: HostileRequest, answer: Answer): string | undefined {
  if (answer.status < 400 || req.method === 'HEAD') return undefined;
  let parsed: ReturnType<typeof ApiError.safeParse>;
  try {
    parsed = ApiError.safeParse(JSON.parse(answer.text));
  } catch {
    return `${answer.status} is not JSON: ${answer.text.slice(0, 160)}`;
  }
  if (!parsed.success) return `${answer.status} is not the error shape: ${answer.text.slice(0, 160)}`;
  if (!parsed.data.error.message) return `${answer.status} ${parsed.data.error.code} has an empty message`;
  if (answer.status >= 500 && !(answer.status === 503 && DOCUMENTED_503.has(parsed.data.error.code)))
    return `undocumented ${answer.status} ${parsed.data.error.code}: ${parsed.data.error.message}`;
  return undefined;
}

/** Everything the app keeps: blobs (with ETags), table entities and queue depths. */
export type Snapshot = Map<string, string>;

export interface StorageProbe {
  snapshot(): Promise<Snapshot>;
}

export function storageProbe(connectionString: string, container = 'presto'): StorageProbe {
  const blobs = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
  const queues = QueueServiceClient.fromConnectionString(connectionString);
  const tables = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
  return {
    async snapshot() {
      const out: Snapshot = new Map();
      if (await blobs.exists())
        for await (const b of blobs.listBlobsFlat()) out.set(`blob:${b.name}`, b.properties.etag ?? '');
      for await (const q of queues.listQueues()) {
        const queue = queues.getQueueClient(q.name);
        const props = await queue.getProperties();
        out.set(`queue:${q.name}`, String(props.approximateMessagesCount ?? 0));
        // A poison queue's messages are never taken, so each can be named by the job it points at.
        if (q.name.endsWith('-poison') && props.approximateMessagesCount)
          for (const m of (await queue.peekMessages({ numberOfMessages: 32 })).peekedMessageItems)
            out.set(`queue:${q.name}/${messageJob(m.messageText) ?? m.messageId}`, String(m.dequeueCount));
      }
      for await (const t of tables.listTables()) {
        const client = TableClient.fromConnectionString(connectionString, t.name!, { allowInsecureConnection: true });
        for await (const e of client.listEntities()) {
          const { etag: _e, timestamp: _t, partitionKey, rowKey, ...fields } = e as Record<string, unknown>;
          out.set(`table:${t.name}/${String(partitionKey)}/${String(rowKey)}`, JSON.stringify(fields));
        }
      }
      return out;
    },
  };
}

/** The job a queue message points at (`{"jobId": …}`, base64 as host.json has it, or plain), if it names one. */
export function messageJob(text: string): string | undefined {
  for (const candidate of [Buffer.from(text, 'base64').toString('utf8'), text]) {
    try {
      const jobId = (JSON.parse(candidate) as { jobId?: unknown }).jobId;
      if (typeof jobId === 'string') return jobId;
    } catch {
      // not this encoding
    }
  }
  return undefined;
}

const JOB_ID = /"jobId"\s*:\s*"([A-Za-z0-9_-]{1,128})"/g;

/**
 * The work earlier accepted requests started and that goes on in the background — a design or a
 * picture the queue worker retries long after its 202 — so its writes are not blamed on whichever
 * refused request happens to be running then. Exact: only the keys of jobs an accepted answer named
 * (a 202's `jobId`, a chat stream's or a tool result's `job`) — `jobs/<id>.json`, the mode it makes
 * (`modes/<id>.json`, `gallery/<id>.json`) or the picture (`charts/<key>.png` for `chart_<key>`), and
 * that job's message in a `-poison` queue — plus a live queue getting shorter while such work is
 * under way (a worker taking or settling a message; a request can only add one). Anything else a
 * refused request leaves behind is still its own.
 */
export class BackgroundWork {
  private readonly jobs = new Set<string>();

  /** Records every job an accepted answer names. */
  noteAccepted(answer: Answer): void {
    for (const m of answer.text.matchAll(JOB_ID)) this.jobs.add(m[1]!);
  }

  get size(): number {
    return this.jobs.size;
  }

  /** Whether a change of `key` (from `was` to `now`) is the background work of a job recorded earlier. */
  owns(key: string, was: string | undefined, now: string | undefined): boolean {
    const blob = /^blob:(jobs|modes|gallery|charts)\/(.+)\.(json|png)$/.exec(key);
    if (blob) {
      const [, folder, name, ext] = blob;
      if (folder === 'charts') return ext === 'png' && this.jobs.has(`chart_${name}`);
      return ext === 'json' && this.jobs.has(name!) && (folder === 'jobs' || !name!.startsWith('chart_'));
    }
    const poisoned = /^queue:[^/]+-poison\/(.+)$/.exec(key);
    if (poisoned) return this.jobs.has(poisoned[1]!);
    const live = /^queue:([^/]+)$/.exec(key);
    if (live && this.jobs.size > 0) {
      // Counts only: a poison queue's count follows its (attributed) messages, a live one may only shrink.
      if (live[1]!.endsWith('-poison')) return true;
      return was !== undefined && now !== undefined && Number(now) < Number(was);
    }
    return false;
  }
}

/**
 * What a refused request (an answer ≥ 400) may change: only the request counters of its caller's
 * usage entity (`requests`, the minute window, the replay list) — every call counts against
 * requests per minute, or floods of bad requests would be free. No blob (mode, job, chart, audit),
 * no queue message, no API key, and no spend (tokens, pictures, designs, voice sessions).
 */
const REQUEST_COUNTERS = new Set(['requests', 'minute', 'minuteRequests', 'applied']);

export function refusedChanges(before: Snapshot, after: Snapshot, background = new BackgroundWork()): string[] {
  const problems: string[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const now = after.get(key);
    if (was === now || background.owns(key, was, now)) continue;
    if (key.startsWith('table:usage/') && now !== undefined) {
      const a = (was === undefined ? {} : JSON.parse(was)) as Record<string, unknown>;
      const b = JSON.parse(now) as Record<string, unknown>;
      const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
        (f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]),
      );
      const spent = changed.filter((f) => !REQUEST_COUNTERS.has(f) && (was !== undefined || Number(b[f] ?? 0) !== 0));
      if (spent.length === 0) continue;
      problems.push(
        `${key}: ${spent.map((f) => `${f} ${JSON.stringify(a[f] ?? 0)} → ${JSON.stringify(b[f])}`).join(', ')}`,
      );
      continue;
    }
    problems.push(
      `${key}: ${was === undefined ? 'added' : now === undefined ? 'removed' : `changed (${was} → ${now})`}`,
    );
  }
  return problems;
}

/**
 * Waits until storage stops changing (background work of an accepted request — a design, a picture,
 * usage metered at the end of a stream — has finished), bounded; returns the settled snapshot.
 */
export async function settled(probe: StorageProbe, quietMs = 150, maxMs = 5_000): Promise<Snapshot> {
  const deadline = Date.now() + maxMs;
  let last = await probe.snapshot();
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const next = await probe.snapshot();
    // Poison queues keep what they hold; only live queues mean work under way.
    const busy = [...next].some(([k, v]) => k.startsWith('queue:') && !/-poison(?:\/|$)/.test(k) && v !== '0');
    if (!busy && same(last, next)) return next;
    if (Date.now() > deadline) return next;
    last = next;
  }
}

/** An accepted job is one its caller can follow: its statusUrl answers 200 with that job. */
async function pollable(baseUrl: string, answer: Answer): Promise<string | undefined> {
  const accepted = JSON.parse(answer.text) as { jobId?: string; statusUrl?: string };
  if (!accepted.jobId || !accepted.statusUrl) return `the 202 names no job: ${answer.text.slice(0, 160)}`;
  const res = await fetch(new URL(accepted.statusUrl, baseUrl));
  const job = (await res.json()) as { id?: string };
  return res.status === 200 && job.id === accepted.jobId
    ? undefined
    : `its statusUrl ${accepted.statusUrl} answers ${res.status} ${JSON.stringify(job).slice(0, 160)}`;
}

const same = (a: Snapshot, b: Snapshot) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

export interface RunResult {
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  failures: string[];
  /** Jobs accepted answers named, whose later writes the refused-request check left out (BackgroundWork). */
  backgroundJobs: number;
}

/**
 * Sends each request in turn and judges it. After an accepted one, storage is let settle (its
 * background work is legitimate); a refused one is checked against the snapshot taken just before it.
 */
export async function runRequests(
  baseUrl: string,
  probe: StorageProbe,
  requests: Iterable<HostileRequest>,
  options: { onFailure?: 'throw' | 'collect' } = {},
): Promise<RunResult> {
  const result: RunResult = { byStatus: {}, byKind: {}, failures: [], backgroundJobs: 0 };
  const background = new BackgroundWork();
  let before = await settled(probe);
  const fail = (message: string) => {
    if (options.onFailure === 'throw') throw new Error(message);
    result.failures.push(message);
  };
  for (const req of requests) {
    const what = `${req.method} ${req.target.slice(0, 160)} [${req.kind}] ${req.body?.toString('utf8').slice(0, 120) ?? ''}`;
    let answer: Answer;
    try {
      answer = await send(baseUrl, req);
    } catch (error) {
      fail(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      before = await settled(probe);
      continue;
    }
    result.byStatus[answer.status] = (result.byStatus[answer.status] ?? 0) + 1;
    for (const k of req.kind.split('+')) result.byKind[k] = (result.byKind[k] ?? 0) + 1;
    const wrong = judgeAnswer(req, answer);
    if (wrong) fail(`${what}: ${wrong}`);
    if (answer.status === 202) {
      const polled = await pollable(baseUrl, answer);
      if (polled) fail(`${what}: accepted, but ${polled}`);
    }
    if (answer.status < 400) background.noteAccepted(answer);
    // A refused request's own writes, if any, land before its answer (metering is awaited) or soon after.
    const after = await settled(probe, answer.status >= 400 ? 25 : 120);
    if (answer.status >= 400) {
      const changed = refusedChanges(before, after, background);
      if (changed.length) fail(`${what}: refused with ${answer.status} yet stored ${changed.join('; ')}`);
    }
    before = after;
  }
  result.backgroundJobs = background.size;
  return result;
}

/** Mode and dataset ids the app knows, so valid requests get past "unknown mode". */
export async function knownValues(url: string): Promise<KnownValues> {
  const { modes } = (await (await fetch(`${url}/api/modes`)).json()) as { modes: { id: string }[] };
  const banking = (await (await fetch(`${url}/api/modes/banking`)).json()) as { datasets: { id: string }[] };
  return { modeIds: modes.map((m) => m.id), datasetIds: banking.datasets.map((d) => d.id) };
}
