import type { JobError, JobStatus } from '../../contracts/jobs';
import { DEFAULT_LEASE_MS, isStale, leaseUntil, type RunState } from './staleness';

/** The fields every job kind's record has that its transitions change. */
export interface RunRecord extends RunState {
  attempts: number;
  error?: JobError | undefined;
}

/**
 * The one state machine of every job kind: queued → running → done | failed. A retry after a
 * transient failure goes back to queued, and a queued job whose result is already stored (a
 * duplicate delivery) goes straight to done.
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

export function moveJob<J extends RunRecord>(job: J, to: JobStatus, now: Date, patch: Partial<J> = {}): J {
  if (!ALLOWED[job.status].includes(to)) throw new InvalidJobTransition(job.status, to);
  // A lease belongs to one running attempt: it ends with it.
  const { error: _previous, leaseUntil: _lease, ...rest } = job;
  return { ...rest, ...patch, status: to, updatedAt: now.toISOString() } as J;
}

/** Running, held by this attempt's worker until its lease runs out (renewed by `renewLease`). */
export const startAttempt = <J extends RunRecord>(job: J, attempt: number, now: Date, leaseMs = DEFAULT_LEASE_MS) =>
  moveJob(job, 'running', now, { attempts: attempt, leaseUntil: leaseUntil(now, leaseMs) } as Partial<J>);
/** The heartbeat: a running job's lease extended (its public `updatedAt` is left alone). */
export const renewLease = <J extends RunRecord>(job: J, now: Date, leaseMs = DEFAULT_LEASE_MS): J => ({
  ...job,
  leaseUntil: leaseUntil(now, leaseMs),
});
export const requeue = <J extends RunRecord>(job: J, now: Date) => moveJob(job, 'queued', now);
export const fail = <J extends RunRecord>(job: J, error: JobError, now: Date) =>
  moveJob(job, 'failed', now, { error } as Partial<J>);

/** A new run may replace this one: it failed, or it went stale. */
export const isRestartable = (job: RunRecord, now: Date): boolean => job.status === 'failed' || isStale(job, now);

/** A public view of a job: as it is, or reported failed (`stalled`, retryable) once it went stale. */
export function reportStale<V extends object>(view: V, job: RunState, now: Date, message: string): V {
  if (!isStale(job, now)) return view;
  return { ...view, status: 'failed', error: { code: 'stalled', message, retryable: true } };
}
