import { JobRecord, type Job, type JobError, type JobStatus } from '../../../contracts/jobs';
import { readDocument, updateDocument } from '../../documents';
import type { DocumentStore } from '../../ports';

/**
 * A job still queued or running this long after its last update has lost its worker (the host
 * holds a message 10 minutes at most, and five attempts of a generation take far less), so it
 * reads as failed and may be restarted instead of spinning forever.
 */
export const STALE_AFTER_MS = 15 * 60_000;

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
  const { error: _previous, ...rest } = job;
  return { ...rest, ...patch, status: to, updatedAt: now.toISOString() };
}

export function newJob(id: string, request: JobRecord['request'], token: string, now: Date): JobRecord {
  const at = now.toISOString();
  return { id, kind: 'mode-generation', status: 'queued', createdAt: at, updatedAt: at, attempts: 0, request, token };
}

export const startAttempt = (job: JobRecord, attempt: number, now: Date) =>
  move(job, 'running', now, { attempts: attempt });
export const requeue = (job: JobRecord, now: Date) => move(job, 'queued', now);
export const succeed = (job: JobRecord, modeId: string, now: Date) => move(job, 'done', now, { result: { modeId } });
export const fail = (job: JobRecord, error: JobError, now: Date) => move(job, 'failed', now, { error });

export function isStale(job: JobRecord, now: Date): boolean {
  return (
    (job.status === 'queued' || job.status === 'running') && now.getTime() - Date.parse(job.updatedAt) > STALE_AFTER_MS
  );
}

/** A new run may replace this one: it failed, or it went stale. */
export function isRestartable(job: JobRecord, now: Date): boolean {
  return job.status === 'failed' || isStale(job, now);
}

/** What GET /api/jobs/{id} shows: no request or token, and a stale job reported as failed. */
export function publicJob(job: JobRecord, now: Date): Job {
  const { request: _r, token: _t, ...view } = job;
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
