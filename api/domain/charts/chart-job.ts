import { ChartJobRecord, type ChartImage, type ChartJob, type ChartJobRequest } from '../../contracts/charts';
import { jobDocuments, jobPath, newJobRecord, publicView } from '../jobs/job-documents';
import { QUEUED_STALE_AFTER_MS } from '../jobs/staleness';
import { moveJob } from '../jobs/transitions';

/** Chart jobs live beside mode jobs, so GET /api/jobs/{id} answers for both. */
export const chartJobPath = jobPath;

/**
 * Chart jobs follow the one job state machine (api/domain/jobs/transitions.ts). A done job may
 * carry a `retry` plan: its image is a fallback and a delayed message will try the model again
 * (that replaces the image, not the job's status).
 */
export const newChartJob = (id: string, request: ChartJobRequest, token: string, now: Date): ChartJobRecord =>
  newJobRecord('chart-image', id, request, token, now);

export {
  fail as failChart,
  isRestartable,
  renewLease as renewChartLease,
  requeue as requeueChart,
  startAttempt as startChart,
} from '../jobs/transitions';

/** Done with its image; `retry` when the image is a fallback waiting for a later model attempt. */
export function finishChart(
  job: ChartJobRecord,
  image: ChartImage,
  now: Date,
  retry?: ChartJobRecord['retry'],
): ChartJobRecord {
  const { retry: _old, ...rest } = moveJob(job, 'done', now, { result: image });
  return retry ? { ...rest, retry } : rest;
}

/** A done job's image changed (the fallback replaced) or its retry plan moved on. */
export function amendChart(
  job: ChartJobRecord,
  now: Date,
  change: { result?: ChartImage; retry?: ChartJobRecord['retry'] | null },
): ChartJobRecord {
  const { retry: old, ...rest } = job;
  const retry = change.retry === null ? undefined : (change.retry ?? old);
  return {
    ...rest,
    ...(change.result ? { result: change.result } : {}),
    ...(retry ? { retry } : {}),
    updatedAt: now.toISOString(),
  };
}

/** A later retry is still expected or running: planned (or started), and not long overdue (a lost message). */
export function retryPending(job: ChartJobRecord, now: Date): boolean {
  if (!job.retry) return false;
  return now.getTime() < Date.parse(job.retry.started ?? job.retry.at) + QUEUED_STALE_AFTER_MS;
}

/** What GET /api/jobs/{id} shows: no request, token, lease or retry plan; a stale job reads as failed. */
export function publicChartJob(job: ChartJobRecord, now: Date): ChartJob {
  const { retry: _p, ...rest } = job;
  return publicView(rest, now, 'Painting this chart stopped responding. Please try again.');
}

const documents = jobDocuments(ChartJobRecord);

export const readChartJob = documents.read;

/** Compare-and-swap update (`updateDocument`); `changed` tells a caller whether its change won (a claim). */
export const updateChartJob = documents.update;
