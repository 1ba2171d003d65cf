import { JobRecord, type Job, type JobBrand } from '../../../contracts/jobs';
import { jobDocuments, jobPath, newJobRecord, publicView } from '../../jobs/job-documents';
import { moveJob } from '../../jobs/transitions';
import type { DocumentStore } from '../../ports';

export { jobPath };
export const modePath = (key: string) => `modes/${key}.json`;

export const newJob = (id: string, request: JobRecord['request'], token: string, now: Date): JobRecord =>
  newJobRecord('mode-generation', id, request, token, now);

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
export const publicJob = (job: JobRecord, now: Date): Job =>
  publicView(job, now, 'Designing this mode stopped responding. Please try again.');

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
