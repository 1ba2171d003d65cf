import type { ModeBrandDraft } from '../../../contracts/generated-mode';
import { JobRecord, type Job, type JobBrand } from '../../../contracts/jobs';
import { readDocument, updateDocument } from '../../documents';
import { moveJob, reportStale } from '../../jobs/transitions';
import type { DocumentStore } from '../../ports';

export const jobPath = (id: string) => `jobs/${id}.json`;
export const modePath = (key: string) => `modes/${key}.json`;

/**
 * A new run of a job. `carried` is the brand a previous run of it designed and showed (a takeover
 * after a crash): the new run keeps that look and only designs the details. `brandUntil` says the
 * creating request is designing the brand itself meanwhile (issue #12).
 */
export function newJob(
  id: string,
  request: JobRecord['request'],
  token: string,
  now: Date,
  options: { carried?: Pick<JobRecord, 'brand' | 'brandDraft'>; brandUntil?: Date } = {},
): JobRecord {
  const at = now.toISOString();
  const { brand, brandDraft } = options.carried ?? {};
  return {
    id,
    kind: 'mode-generation',
    status: 'queued',
    createdAt: at,
    updatedAt: at,
    attempts: 0,
    request,
    token,
    ...(brand && brandDraft ? { stage: 'brand' as const, brand, brandDraft } : {}),
    ...(options.brandUntil && !(brand && brandDraft) ? { brandUntil: options.brandUntil.toISOString() } : {}),
  };
}

export { isStale } from '../../jobs/staleness';
export { fail, InvalidJobTransition, isRestartable, renewLease, requeue, startAttempt } from '../../jobs/transitions';
export const succeed = (job: JobRecord, modeId: string, now: Date) => moveJob(job, 'done', now, { result: { modeId } });

/**
 * A design's brand is ready (issue #12): every watcher can show the look before the mode is done,
 * and the draft it came from is kept so the details (this run's, a retry's or a takeover's) are
 * designed for exactly that look.
 */
export const recordBrand = (job: JobRecord, brand: JobBrand, draft: ModeBrandDraft, now: Date): JobRecord => {
  const { brandUntil: _u, ...rest } = job;
  return { ...rest, stage: 'brand', brand, brandDraft: draft, updatedAt: now.toISOString() };
};
/** The creating request gave the brand step up (a transient failure): the worker designs it without waiting. */
export function releaseBrand(job: JobRecord): JobRecord {
  const { brandUntil: _u, ...rest } = job;
  return rest;
}
/** Done and the mode stored: the last stage (the brand, when there was one, stays as it was shown). */
export const complete = (job: JobRecord, modeId: string, now: Date): JobRecord => ({
  ...succeed(job, modeId, now),
  stage: 'complete',
});
/** A run that failed shows no half-made look: Retry starts a new run, which designs its own. */
export function withoutProgress(job: JobRecord): JobRecord {
  const { stage: _s, brand: _b, brandDraft: _d, brandUntil: _u, ...rest } = job;
  return rest;
}

/** What GET /api/jobs/{id} shows: no request, token, lease or draft, and a stale job reported as failed. */
export function publicJob(job: JobRecord, now: Date): Job {
  const { request: _r, token: _t, leaseUntil: _l, brandDraft: _d, brandUntil: _u, ...view } = job;
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
