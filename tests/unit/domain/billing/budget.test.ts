import { describe, expect, it } from 'vitest';
import { admit, EMPTY_COUNTERS, meter, reserve } from '../../../../api/domain/billing/budget';
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
    expect(admit({ ...full, minute: '23:59' }, PLANS.free, 'tool', at, 'a1')).toEqual({
      result: expect.objectContaining({ ok: true }),
    });
  });

  it("refuses over the minute, over the day's tokens (chat only) and over a daily unit, with the wait", () => {
    expect(
      admit({ ...fresh(), minute: '23:59', minuteRequests: 10 }, PLANS.free, 'tool', at, 'x').result,
    ).toMatchObject({ ok: false, limitName: 'requests_per_minute', retryAfterSeconds: 30 });
    const spent = { ...fresh(), promptTokens: 15_000, completionTokens: 5_000 };
    expect(admit(spent, PLANS.free, 'chat', at, 'x').result).toMatchObject({
      ok: false,
      limitName: 'tokens_per_day',
      retryAfterSeconds: 30,
    });
    expect(admit(spent, PLANS.free, 'tool', at, 'x').result.ok).toBe(true);
    expect(admit({ ...fresh(), realtimeSessions: 2 }, PLANS.free, 'realtime', at, 'x').result).toMatchObject({
      ok: false,
      limitName: 'realtime_sessions_per_day',
    });
    expect(admit({ ...fresh(), realtimeSessions: 1 }, PLANS.free, 'realtime', at, 'x').next).toMatchObject({
      realtimeSessions: 2,
    });
  });

  it('pictures and new modes are not taken at admission: a stored one stays free past the limit', () => {
    const spent = { ...fresh(), images: 5, generations: 3 };
    expect(admit(spent, PLANS.free, 'image', at, 'x')).toMatchObject({
      result: { ok: true },
      next: { images: 5, requests: 1 },
    });
    expect(admit(spent, PLANS.free, 'generation', at, 'x')).toMatchObject({
      result: { ok: true },
      next: { generations: 3 },
    });
  });
});

describe('reserve', () => {
  it('takes one unit for a caller who starts new work, refuses at the limit until tomorrow, and counts a replay once', () => {
    const first = reserve(fresh(), PLANS.free, 'image', at, 's1');
    expect(first).toEqual({
      next: expect.objectContaining({ images: 1, requests: 0, applied: ['s1'] }),
      result: { ok: true },
    });
    expect(reserve(first.next!, PLANS.free, 'image', at, 's1')).toEqual({ result: { ok: true } });
    expect(reserve({ ...fresh(), images: 5 }, PLANS.free, 'image', at, 's2').result).toEqual({
      ok: false,
      limitName: 'images_per_day',
      retryAfterSeconds: 30,
    });
    expect(reserve({ ...fresh(), generations: 3 }, PLANS.free, 'generation', at, 's3').result).toMatchObject({
      ok: false,
      limitName: 'generations_per_day',
    });
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
