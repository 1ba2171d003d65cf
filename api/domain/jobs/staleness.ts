import type { JobStatus } from '../../contracts/jobs';

/**
 * How long a running job's lease lasts without a heartbeat. The worker renews it every quarter of
 * that, so a live worker is never mistaken for a dead one by a slow write, and a killed worker's job
 * is taken over about a minute after its last beat (the queue itself would only redeliver the
 * message after its 10-minute processing lease).
 */
export const DEFAULT_LEASE_MS = 60_000;

/**
 * A job still queued this long after its last update has lost its message (an enqueue that never
 * landed, a message dropped by hand): a queued job has no worker to beat for it, and a backlog can
 * hold a message for minutes, so this is far longer than a running job's lease. Also the rule for
 * running jobs written before leases existed.
 */
export const QUEUED_STALE_AFTER_MS = 15 * 60_000;

/** The fields the one staleness rule reads, common to mode and chart jobs. */
export interface RunState {
  status: JobStatus;
  updatedAt: string;
  /** Until when the running worker holds the job; renewed by its heartbeat. */
  leaseUntil?: string | undefined;
}

/** Beat this often to keep a lease of `leaseMs` (four chances before it runs out). */
export const heartbeatEvery = (leaseMs: number) => Math.max(250, Math.floor(leaseMs / 4));

export const leaseUntil = (now: Date, leaseMs: number) => new Date(now.getTime() + leaseMs).toISOString();

/**
 * The one staleness rule for every job kind: a running job whose lease ran out (its worker stopped
 * beating: killed, recycled, frozen), or a queued one untouched for QUEUED_STALE_AFTER_MS. A stale
 * job reads as failed and the next request or delivery takes it over (compare-and-swap).
 */
export function isStale(job: RunState, now: Date): boolean {
  if (job.status === 'running' && job.leaseUntil) return now.getTime() > Date.parse(job.leaseUntil);
  if (job.status !== 'queued' && job.status !== 'running') return false;
  return now.getTime() - Date.parse(job.updatedAt) > QUEUED_STALE_AFTER_MS;
}
