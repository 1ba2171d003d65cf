import { describe, expect, it } from 'vitest';
import { Job } from '../../../../api/contracts/jobs';
import {
  fail,
  InvalidJobTransition,
  isRestartable,
  isStale,
  newJob,
  publicJob,
  renewLease,
  requeue,
  startAttempt,
  succeed,
} from '../../../../api/domain/modes/generation/job';
import { DEFAULT_LEASE_MS, QUEUED_STALE_AFTER_MS } from '../../../../api/domain/jobs/staleness';

const t0 = new Date('2026-01-01T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const job = () => newJob('food-bank', { industry: 'food bank', companyName: null }, 'token-123456', t0);

describe('job state machine', () => {
  it('goes queued → running → done with the mode id', () => {
    const done = succeed(startAttempt(job(), 1, later(10)), 'food-bank', later(20));
    expect(done).toMatchObject({
      status: 'done',
      attempts: 1,
      result: { modeId: 'food-bank' },
      updatedAt: later(20).toISOString(),
    });
  });

  it('goes back to queued between retries and ends failed with a reason', () => {
    const retried = requeue(startAttempt(job(), 1, t0), t0);
    expect(retried.status).toBe('queued');
    const failed = fail(
      startAttempt(retried, 2, t0),
      { code: 'generation_failed', message: 'No luck.', retryable: true },
      t0,
    );
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, error: { code: 'generation_failed' } });
  });

  it('refuses transitions out of done and failed', () => {
    const done = succeed(startAttempt(job(), 1, t0), 'food-bank', t0);
    expect(() => startAttempt(done, 2, t0)).toThrow(InvalidJobTransition);
    const failed = fail(job(), { code: 'x', message: 'y', retryable: true }, t0);
    expect(() => succeed(failed, 'food-bank', t0)).toThrow(InvalidJobTransition);
  });

  it('reports a running job whose lease lapsed (no heartbeat for a minute) as failed (stalled), restartable', () => {
    const running = startAttempt(job(), 1, t0);
    expect(isStale(running, later(DEFAULT_LEASE_MS - 1))).toBe(false);
    expect(isStale(running, later(DEFAULT_LEASE_MS + 1))).toBe(true);
    expect(isRestartable(running, later(DEFAULT_LEASE_MS + 1))).toBe(true);
    expect(publicJob(running, later(DEFAULT_LEASE_MS + 1))).toMatchObject({
      status: 'failed',
      error: { code: 'stalled', retryable: true },
    });
  });

  it('keeps a running job alive as long as its heartbeat renews the lease', () => {
    let running = startAttempt(job(), 1, t0);
    for (let beat = 1; beat <= 20; beat++) running = renewLease(running, later((beat * DEFAULT_LEASE_MS) / 4));
    expect(isStale(running, later(5 * DEFAULT_LEASE_MS))).toBe(false);
    expect(isStale(running, later(6 * DEFAULT_LEASE_MS + 1))).toBe(true);
    expect(running.updatedAt).toBe(t0.toISOString()); // a beat is not a public change
  });

  it('gives a queued job (no worker yet, maybe behind a backlog) far longer before it is stale', () => {
    const queued = job();
    expect(isStale(queued, later(DEFAULT_LEASE_MS * 5))).toBe(false);
    expect(isStale(queued, later(QUEUED_STALE_AFTER_MS + 1))).toBe(true);
    // A requeued job has no lease any more: it waits for its next delivery.
    expect(requeue(startAttempt(queued, 1, t0), t0)).not.toHaveProperty('leaseUntil');
  });

  it('never shows the request or the run token publicly, and matches the Job contract', () => {
    const view = publicJob(job(), t0);
    expect(view).not.toHaveProperty('token');
    expect(view).not.toHaveProperty('request');
    expect(publicJob(startAttempt(job(), 1, t0), t0)).not.toHaveProperty('leaseUntil');
    expect(Job.parse(view)).toEqual(view);
  });
});
