import { JobRecord, type Job, type JobBrand, type JobError, type JobStatus } from '../../../contracts/jobs';
import { readDocument, updateDocument } from '../../documents';
import { DEFAULT_LEASE_MS, isStale as isStaleRun, leaseUntil } from '../../jobs/staleness';
import type { DocumentStore } from '../../ports';

export const jobPath = (id: string) => `jobs/${id}.json`;
export const modePath = (key: string) => `modes/${key}.json`;

/**
 * queued → running → done | failed; a retry after a transient failure goes back to queued, and a
 * queued job whose mode is already stored (a duplicate delivery) goes straight to done.
 */
const ALLOWED: Record<JobStatus, readonly JobStatus[]> = {
  queued: ['running', 'done', 'failed'],
  running: ['running', 'queued', 'done', 'failed'],
  done: [],
  failed: [],
};

export class InvalidJobTransition extends Error {
  constructor(from: JobStatus, to: JobStatus) {
    super(`A ${from} job cannot become ${to}.`);
  }
}

function move(job: JobRecord, to: JobStatus, now: Date, patch: Partial<JobRecord> = {}): JobRecord {
  if (!ALLOWED[job.status].includes(to)) throw new InvalidJobTransition(job.status, to);
  // A lease belongs to one running attempt: it ends with it.
  const { error: _previous, leaseUntil: _lease, ...rest } = job;
  return { ...rest, ...patch, status: to, updatedAt: now.toISOString() };
}

export function newJob(id: string, request: JobRecord['request'], token: string, now: Date): JobRecord {
  const at = now.toISOString();
  return { id, kind: 'mode-generation', status: 'queued', createdAt: at, updatedAt: at, attempts: 0, request, token };
}

/** Running, held by this attempt's worker until its lease runs out (renewed by `renewLease`). */
export const startAttempt = (job: JobRecord, attempt: number, now: Date, leaseMs = DEFAULT_LEASE_MS) =>
  move(job, 'running', now, { attempts: attempt, leaseUntil: leaseUntil(now, leaseMs) });
/** The heartbeat: a running job's lease extended (its public `updatedAt` is left alone). */
export const renewLease = (job: JobRecord, now: Date, leaseMs = DEFAULT_LEASE_MS): JobRecord => ({
  ...job,
  leaseUntil: leaseUntil(now, leaseMs),
});
export const requeue = (job: JobRecord, now: Date) => move(job, 'queued', now);
export const succeed = (job: JobRecord, modeId: string, now: Date) => move(job, 'done', now, { result: { modeId } });
export const fail = (job: JobRecord, error: JobError, now: Date) => move(job, 'failed', now, { error });

/** A running design's brand is ready (issue #12): every watcher can show the look before the mode is done. */
export const recordBrand = (job: JobRecord, brand: JobBrand, now: Date): JobRecord => ({
  ...job,
  stage: 'brand',
  brand,
  updatedAt: now.toISOString(),
});
/** Done and the mode stored: the last stage (the brand, when there was one, stays as it was shown). */
export const complete = (job: JobRecord, modeId: string, now: Date): JobRecord => ({
  ...succeed(job, modeId, now),
  stage: 'complete',
});
/** A run that failed or goes back to the queue shows no half-made look: the next attempt designs its own. */
export function withoutProgress(job: JobRecord): JobRecord {
  const { stage: _s, brand: _b, ...rest } = job;
  return rest;
}

/** The staleness rule every job kind shares (api/domain/jobs/staleness.ts). */
export const isStale = (job: JobRecord, now: Date): boolean => isStaleRun(job, now);

/** A new run may replace this one: it failed, or it went stale. */
export function isRestartable(job: JobRecord, now: Date): boolean {
  return job.status === 'failed' || isStale(job, now);
}

/** What GET /api/jobs/{id} shows: no request, token or lease, and a stale job reported as failed. */
export function publicJob(job: JobRecord, now: Date): Job {
  const { request: _r, token: _t, leaseUntil: _l, ...view } = job;
  if (!isStale(job, now)) return view;
  return {
    ...view,
    status: 'failed',
    error: { code: 'stalled', message: 'Designing this mode stopped responding. Please try again.', retryable: true },
  };
}

/** Reads a job document, validated; a corrupt one reads as missing. */
export async function readJob(store: DocumentStore, id: string): Promise<{ job: JobRecord; etag: string } | undefined> {
  const doc = await readDocument(store, jobPath(id), JobRecord);
  return doc && { job: doc.value, etag: doc.etag };
}

/** Compare-and-swap update (`updateDocument`); returns the job as stored. */
export async function updateJob(
  store: DocumentStore,
  id: string,
  change: (job: JobRecord) => JobRecord | undefined,
): Promise<JobRecord | undefined> {
  return (await updateDocument(store, jobPath(id), JobRecord, change))?.value;
}
