import { MODE_GENERATION_QUEUE, type Job, type JobRecord, type ModeGenerationMessage } from '../../../contracts/jobs';
import type { Mode } from '../../../contracts/mode';
import { UpstreamUnavailable } from '../../errors';
import { sanitizeModeRequest } from '../../guard/sanitize';
import type { Clock, DocumentStore, JobQueue } from '../../ports';
import type { ModeCatalog } from '../../tools/context';
import { fail, isRestartable, jobPath, newJob, publicJob, readJob } from './job';
import { modeKey } from './key';
import { builtinFor } from '../industry-phrases';

export interface ModeRequestDeps {
  modes: ModeCatalog;
  store: DocumentStore;
  queue: JobQueue;
  clock: Clock;
  /** A fresh random token per job run (8-64 of A-Z a-z 0-9 _ -). */
  newToken(): string;
}

export type ModeRequestOutcome =
  | { kind: 'ready'; mode: Mode }
  | { kind: 'job'; job: Job; created: boolean; industry: string; companyName: string | null; flags: string[] };

/**
 * POST /api/modes and switch_mode without a pre-built fit: sanitise, key, and either return the
 * stored (or pre-built) mode at once or the one job generating it. Concurrent callers for a key
 * share one job: the job document is created with If-None-Match: * (only one creator wins and
 * enqueues), and a failed or stale job is replaced with If-Match on its ETag (again one winner).
 */
export interface ModeRequestOptions {
  /** Called before a mode that is not stored is asked for; throws to refuse (the caller's budget). */
  beforeCreate?: () => Promise<void>;
}

export async function requestMode(input: { industry: string; companyName?: string | null }, deps: ModeRequestDeps, options: ModeRequestOptions = {}): Promise<ModeRequestOutcome> {
  const sanitized = sanitizeModeRequest(input);
  // "bank" is the pre-built banking mode, not a generated copy of it; with a company name the base id
  // keys the variant, so "bank" + "Wells Fargo" is the same mode however the industry was worded.
  const request = { ...sanitized, industry: builtinFor(sanitized.industry) ?? sanitized.industry };
  const key = modeKey(request.industry, request.companyName);
  // The catalogue answers pre-built ids from code first, so "banking" can never be generated over.
  const stored = await deps.modes.get(key);
  if (stored) return { kind: 'ready', mode: stored };

  if (options.beforeCreate) {
    // Only a caller who would start the design pays for it; joining a job under way is free.
    const current = await readJob(deps.store, key);
    if (!current || isRestartable(current.job, deps.clock.now())) await options.beforeCreate();
  }
  const { job, created } = await ensureJob(key, { industry: request.industry, companyName: request.companyName }, deps);
  if (job.status === 'done') {
    const mode = await deps.modes.get(key);
    if (mode) return { kind: 'ready', mode };
  }
  return { kind: 'job', job: publicJob(job, deps.clock.now()), created, ...request };
}

async function ensureJob(key: string, request: JobRecord['request'], deps: ModeRequestDeps): Promise<{ job: JobRecord; created: boolean }> {
  const path = jobPath(key);
  for (let attempt = 0; attempt < 5; attempt++) {
    const fresh = newJob(key, request, deps.newToken(), deps.clock.now());
    if (await deps.store.create(path, fresh)) return { job: await enqueue(fresh, deps), created: true };
    const current = await readJob(deps.store, key);
    if (!current) {
      // The document exists but is not a valid job (corrupt): take it over like a failed one.
      const raw = await deps.store.read(path);
      if (raw && (await deps.store.replace(path, fresh, raw.etag))) return { job: await enqueue(fresh, deps), created: true };
      continue;
    }
    const lostMode = current.job.status === 'done' && !(await deps.modes.get(key));
    if (!isRestartable(current.job, deps.clock.now()) && !lostMode) return { job: current.job, created: false };
    if (await deps.store.replace(path, fresh, current.etag)) return { job: await enqueue(fresh, deps), created: true };
  }
  throw new UpstreamUnavailable('Mode generation is busy right now. Please try again in a moment.');
}

/** Only the creator of a run enqueues it. If the queue is down the run is marked failed, so nobody waits on it. */
async function enqueue(job: JobRecord, deps: ModeRequestDeps): Promise<JobRecord> {
  const message: ModeGenerationMessage = { v: 1, jobId: job.id, token: job.token };
  try {
    await deps.queue.send(MODE_GENERATION_QUEUE, message);
    return job;
  } catch {
    const failed = fail(job, { code: 'queue_unavailable', message: 'The generation queue could not be reached. Please try again.', retryable: true }, deps.clock.now());
    await deps.store.putJson(jobPath(job.id), failed).catch(() => undefined);
    throw new UpstreamUnavailable('The generation queue could not be reached. Please try again in a moment.');
  }
}
