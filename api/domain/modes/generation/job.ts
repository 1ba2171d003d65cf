import type { ModeBrandDraft } from '../../../contracts/generated-mode';
import { JobRecord, type Job, type JobBrand } from '../../../contracts/jobs';
import { jobDocuments, jobPath, newJobRecord, publicView } from '../../jobs/job-documents';
import { moveJob } from '../../jobs/transitions';
import type { DocumentStore } from '../../ports';

export { jobPath };
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
  const { brand, brandDraft } = options.carried ?? {};
  return {
    ...newJobRecord('mode-generation', id, request, token, now),
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
  const { brandDraft: _d, brandUntil: _u, ...rest } = job;
  return publicView(rest, now, 'Designing this mode stopped responding. Please try again.');
}

const documents = jobDocuments(JobRecord);

/** Reads a job document, validated; a corrupt one reads as missing. */
export const readJob = documents.read;

/** Compare-and-swap update (`updateDocument`); returns the job as stored. */
export async function updateJob(
  store: DocumentStore,
  id: string,
  change: (job: JobRecord) => JobRecord | undefined,
): Promise<JobRecord | undefined> {
  return (await documents.update(store, id, change))?.job;
}
