import { describe, expect, it } from 'vitest';
import { admit, EMPTY_COUNTERS, meter } from '../../../../api/domain/billing/budget';
import { PLANS } from '../../../../api/domain/billing/plans';

const at = new Date('2026-11-24T23:59:30Z');
const fresh = () => ({ ...EMPTY_COUNTERS, applied: [] });

describe('admit', () => {
  it('counts a call in the minute window and says what is left', () => {
    const { next, result } = admit(fresh(), PLANS.free, 'tool', at, 'a1');
    expect(result).toEqual({ ok: true, limit: 10, remaining: 9, resetSeconds: 30 });
    expect(next).toMatchObject({ requests: 1, minute: '23:59', minuteRequests: 1, applied: ['a1'] });
  });

  it('a new minute starts a new window; a replayed op is not counted again', () => {
    const full = { ...fresh(), minute: '23:58', minuteRequests: 10, applied: ['a1'] };
    expect(admit(full, PLANS.free, 'tool', at, 'a2').result.ok).toBe(true);
    expect(admit({ ...full, minute: '23:59' }, PLANS.free, 'tool', at, 'a1')).toEqual({ result: expect.objectContaining({ ok: true }) });
  });

  it('refuses over the minute, over the day\'s tokens (chat only) and over a daily unit, with the wait', () => {
    expect(admit({ ...fresh(), minute: '23:59', minuteRequests: 10 }, PLANS.free, 'tool', at, 'x').result).toMatchObject({ ok: false, limitName: 'requests_per_minute', retryAfterSeconds: 30 });
    const spent = { ...fresh(), promptTokens: 15_000, completionTokens: 5_000 };
    expect(admit(spent, PLANS.free, 'chat', at, 'x').result).toMatchObject({ ok: false, limitName: 'tokens_per_day', retryAfterSeconds: 30 });
    expect(admit(spent, PLANS.free, 'tool', at, 'x').result.ok).toBe(true);
    expect(admit({ ...fresh(), realtimeSessions: 2 }, PLANS.free, 'realtime', at, 'x').result).toMatchObject({ ok: false, limitName: 'realtime_sessions_per_day' });
    expect(admit({ ...fresh(), images: 4 }, PLANS.free, 'image', at, 'x').next).toMatchObject({ images: 5 });
  });
});

describe('meter', () => {
  it('adds usage once per op id, and gives back a reserved unit without going below zero', () => {
    const once = meter(fresh(), { promptTokens: 120, completionTokens: 30 }, 'm1');
    expect(once.next).toMatchObject({ promptTokens: 120, completionTokens: 30 });
    expect(meter(once.next!, { promptTokens: 120 }, 'm1')).toEqual({ result: false });
    expect(meter(fresh(), { generations: -1 }, 'm2').next?.generations).toBe(0);
  });
});
