import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from '../../../../api/adapters/azure/concurrency';
import {
  advisedDelayMs,
  backoffDelayMs,
  busyMessage,
  defaultRetryPolicy,
  exhaustedMessage,
} from '../../../../api/adapters/azure/retry';

const headers = (h: Record<string, string>) => new Headers(h);

describe('retry timing (docs/pitfalls.md 4.2)', () => {
  it('honours retry-after-ms first, then retry-after seconds or date', () => {
    expect(advisedDelayMs(headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1500);
    expect(advisedDelayMs(headers({ 'retry-after': '3' }))).toBe(3000);
    expect(advisedDelayMs(headers({ 'retry-after': new Date(61_000).toUTCString() }), 1_000)).toBe(60_000);
    expect(advisedDelayMs(headers({}))).toBeUndefined();
  });

  it('backs off exponentially with jitter when Azure gives no advice, capped', () => {
    const policy = { ...defaultRetryPolicy(3), random: () => 1 };
    const jitter = Math.min(250, policy.baseDelayMs);
    expect(backoffDelayMs(1, undefined, policy)).toBe(policy.baseDelayMs + jitter);
    expect(backoffDelayMs(2, undefined, policy)).toBe(policy.baseDelayMs * 2 + jitter);
    expect(backoffDelayMs(30, undefined, policy)).toBe(policy.maxDelayMs + jitter);
    expect(backoffDelayMs(1, headers({ 'retry-after-ms': '100' }), { ...policy, random: () => 0.5 })).toBe(
      100 + jitter / 2,
    );
  });

  it('tells the user what is happening', () => {
    expect(busyMessage(429, 1200)).toBe('Azure is busy — retrying in 2 s…');
    expect(busyMessage(503, 10)).toBe('Azure did not answer — retrying in 1 s…');
    expect(busyMessage(undefined, 10, true)).toBe('Could not reach Azure — retrying in 1 s…');
  });

  it('says how many attempts failed, in words that read right for one', () => {
    expect(exhaustedMessage({ status: 429 }, 1)).toBe(
      'Azure OpenAI is busy right now (rate limited on the only attempt). Please try again in a moment.',
    );
    expect(exhaustedMessage({ status: 503 }, 3)).toBe(
      'Azure OpenAI did not answer (HTTP 503 on all 3 attempts). Please try again in a moment.',
    );
    expect(exhaustedMessage({ network: { cause: 'dns', code: 'ENOTFOUND' } }, 1)).toMatch(
      /^Could not reach Azure OpenAI \(ENOTFOUND, the only attempt\): its host name did not resolve \(DNS\)/,
    );
  });
});

describe('per-deployment concurrency limit (docs/pitfalls.md 4.2)', () => {
  it('queues beyond the limit and hands slots over in order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    expect(limiter.tryAcquire()).toBeUndefined();
    let third = false;
    const pending = limiter.acquire().then((release) => ((third = true), release));
    await Promise.resolve();
    expect(third).toBe(false);
    a();
    a();
    const c = await pending;
    expect(limiter.inFlight).toBe(2);
    b();
    c();
    expect(limiter.inFlight).toBe(0);
  });

  it('never waits forever: a bounded wait becomes a retryable error', async () => {
    const limiter = new ConcurrencyLimiter(1, 20);
    await limiter.acquire();
    await expect(limiter.acquire()).rejects.toMatchObject({ code: 'upstream_unavailable', retryable: true });
  });
});
