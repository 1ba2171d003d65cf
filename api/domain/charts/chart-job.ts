import { ChartJobRecord, type ChartImage, type ChartJob, type ChartJobRequest } from '../../contracts/charts';
import { readDocument, updateDocument } from '../documents';
import { QUEUED_STALE_AFTER_MS } from '../jobs/staleness';
import { moveJob, reportStale } from '../jobs/transitions';
import type { DocumentStore } from '../ports';

/** Chart jobs live beside mode jobs, so GET /api/jobs/{id} answers for both. */
export const chartJobPath = (id: string) => `jobs/${id}.json`;

/**
 * Chart jobs follow the one job state machine (api/domain/jobs/transitions.ts). A done job may
 * carry a `retry` plan: its image is a fallback and a delayed message will try the model again
 * (that replaces the image, not the job's status).
 */
export function newChartJob(id: string, request: ChartJobRequest, token: string, now: Date): ChartJobRecord {
  const at = now.toISOString();
  return { id, kind: 'chart-image', status: 'queued', createdAt: at, updatedAt: at, attempts: 0, request, token };
}

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
  const { request: _r, token: _t, retry: _p, leaseUntil: _l, ...view } = job;
  return reportStale(view, job, now, 'Painting this chart stopped responding. Please try again.');
}

export async function readChartJob(
  store: DocumentStore,
  id: string,
): Promise<{ job: ChartJobRecord; etag: string } | undefined> {
  const doc = await readDocument(store, chartJobPath(id), ChartJobRecord);
  return doc && { job: doc.value, etag: doc.etag };
}

/** Compare-and-swap update (`updateDocument`); `changed` tells a caller whether its change won (a claim). */
export async function updateChartJob(
  store: DocumentStore,
  id: string,
  change: (job: ChartJobRecord) => ChartJobRecord | undefined,
): Promise<{ job: ChartJobRecord; changed: boolean } | undefined> {
  const updated = await updateDocument(store, chartJobPath(id), ChartJobRecord, change);
  return updated && { job: updated.value, changed: updated.changed };
}
