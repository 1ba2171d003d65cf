import { JobRecord, type Job, type JobBrand } from '../../../contracts/jobs';
import { readDocument, updateDocument } from '../../documents';
import { moveJob, reportStale } from '../../jobs/transitions';
import type { DocumentStore } from '../../ports';

export const jobPath = (id: string) => `jobs/${id}.json`;
export const modePath = (key: string) => `modes/${key}.json`;

export function newJob(id: string, request: JobRecord['request'], token: string, now: Date): JobRecord {
  const at = now.toISOString();
  return { id, kind: 'mode-generation', status: 'queued', createdAt: at, updatedAt: at, attempts: 0, request, token };
}

export { isStale } from '../../jobs/staleness';
export { fail, InvalidJobTransition, isRestartable, renewLease, requeue, startAttempt } from '../../jobs/transitions';
export const succeed = (job: JobRecord, modeId: string, now: Date) => moveJob(job, 'done', now, { result: { modeId } });

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

/** What GET /api/jobs/{id} shows: no request, token or lease, and a stale job reported as failed. */
export function publicJob(job: JobRecord, now: Date): Job {
  const { request: _r, token: _t, leaseUntil: _l, ...view } = job;
  return reportStale(view, job, now, 'Designing this mode stopped responding. Please try again.');
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
