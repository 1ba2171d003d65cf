import type { PlanLimits } from './plans';
import type { UsageCounters } from './ports';

/** What a billable call spends up front: a request, and for some routes one unit of a daily allowance. */
export const BILLABLE_KINDS = ['chat', 'tool', 'generation', 'image', 'realtime'] as const;
export type BillableKind = (typeof BILLABLE_KINDS)[number];

export const LIMIT_NAMES = [
  'requests_per_minute',
  'tokens_per_day',
  'images_per_day',
  'generations_per_day',
  'realtime_sessions_per_day',
] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

type Unit = 'images' | 'generations' | 'realtimeSessions';
/** The daily allowance each kind draws on. */
const UNIT_OF: Partial<Record<BillableKind, { unit: Unit; limit: keyof PlanLimits; name: LimitName }>> = {
  generation: { unit: 'generations', limit: 'generationsPerDay', name: 'generations_per_day' },
  image: { unit: 'images', limit: 'imagesPerDay', name: 'images_per_day' },
  realtime: { unit: 'realtimeSessions', limit: 'realtimeSessionsPerDay', name: 'realtime_sessions_per_day' },
};

/**
 * Kinds whose call always starts the paid work, so admission takes the unit. Pictures and new modes
 * are only paid for by the caller who starts one (`reserve`, on the way): a stored one is free, and
 * so is joining one being made.
 */
const TAKEN_AT_ADMISSION: ReadonlySet<BillableKind> = new Set(['realtime']);

/** Enough to recognise a replay even with a hundred calls racing on one counter. */
const APPLIED_KEPT = 100;

export const EMPTY_COUNTERS: UsageCounters = Object.freeze({
  requests: 0,
  promptTokens: 0,
  completionTokens: 0,
  images: 0,
  generations: 0,
  realtimeSessions: 0,
  minute: '',
  minuteRequests: 0,
  applied: [],
});

export const dayOf = (now: Date) => now.toISOString().slice(0, 10);
const minuteOf = (now: Date) => now.toISOString().slice(11, 16);
const secondsToNextMinute = (now: Date) => 60 - now.getUTCSeconds();
const secondsToNextDay = (now: Date) =>
  Math.ceil((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000);

export interface RateWindow {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export type Admission =
  ({ ok: true } & RateWindow) | ({ ok: false; limitName: LimitName; retryAfterSeconds: number } & RateWindow);

/**
 * Decides one call against the caller's counters: the per-minute request window first, then the
 * daily allowance the route spends. An admitted call is counted in the same write (`next`), so two
 * racing calls can never both take the last slot.
 */
export function admit(
  current: UsageCounters,
  limits: PlanLimits,
  kind: BillableKind,
  now: Date,
  opId: string,
): { next?: UsageCounters; result: Admission } {
  const minute = minuteOf(now);
  const used = current.minute === minute ? current.minuteRequests : 0;
  const window = {
    limit: limits.requestsPerMinute,
    remaining: Math.max(0, limits.requestsPerMinute - used),
    resetSeconds: secondsToNextMinute(now),
  };
  if (current.applied.includes(opId)) return { result: { ok: true, ...window } };
  const refuse = (limitName: LimitName, retryAfterSeconds: number) => ({
    result: { ok: false as const, limitName, retryAfterSeconds, ...window },
  });
  if (used >= limits.requestsPerMinute) return refuse('requests_per_minute', window.resetSeconds);
  if (kind === 'chat' && current.promptTokens + current.completionTokens >= limits.tokensPerDay)
    return refuse('tokens_per_day', secondsToNextDay(now));
  const unit = TAKEN_AT_ADMISSION.has(kind) ? UNIT_OF[kind] : undefined;
  if (unit && current[unit.unit] >= limits[unit.limit]) return refuse(unit.name, secondsToNextDay(now));
  const next = {
    ...current,
    requests: current.requests + 1,
    minute,
    minuteRequests: used + 1,
    applied: remember(current.applied, opId),
  };
  if (unit) next[unit.unit] += 1;
  return { next, result: { ok: true, ...window, remaining: window.remaining - 1 } };
}

/** A daily unit a call spends on the way (a chart picture or a new mode asked for in chat or by voice). */
export type SpendKind = 'image' | 'generation';

/**
 * Reserves one unit of a daily allowance for work a call starts on the way (no request is counted:
 * the call itself was admitted already). A replayed `opId` is granted without counting again.
 */
export function reserve(
  current: UsageCounters,
  limits: PlanLimits,
  kind: SpendKind,
  now: Date,
  opId: string,
): { next?: UsageCounters; result: { ok: true } | { ok: false; limitName: LimitName; retryAfterSeconds: number } } {
  if (current.applied.includes(opId)) return { result: { ok: true } };
  const unit = UNIT_OF[kind]!;
  if (current[unit.unit] >= limits[unit.limit])
    return { result: { ok: false, limitName: unit.name, retryAfterSeconds: secondsToNextDay(now) } };
  return {
    next: { ...current, [unit.unit]: current[unit.unit] + 1, applied: remember(current.applied, opId) },
    result: { ok: true },
  };
}

export type MeterDelta = Partial<
  Pick<UsageCounters, 'promptTokens' | 'completionTokens' | 'images' | 'generations' | 'realtimeSessions'>
>;

/** Adds what a finished call used (negative to give back a reserved unit); a replayed `opId` changes nothing. */
export function meter(
  current: UsageCounters,
  delta: MeterDelta,
  opId: string,
): { next?: UsageCounters; result: boolean } {
  if (current.applied.includes(opId)) return { result: false };
  const next = { ...current, applied: remember(current.applied, opId) };
  for (const [field, amount] of Object.entries(delta) as Array<[keyof MeterDelta, number]>)
    next[field] = Math.max(0, next[field] + amount);
  return { next, result: true };
}

/** The unit a kind took on admission, to give back when the call did not spend it. */
export const reservedUnit = (kind: BillableKind): Unit | undefined =>
  TAKEN_AT_ADMISSION.has(kind) ? UNIT_OF[kind]?.unit : undefined;

/** The unit `reserve` takes for a kind (given back when another budget refuses). */
export const spendUnit = (kind: SpendKind): Unit => UNIT_OF[kind]!.unit;

function remember(applied: string[], opId: string): string[] {
  return [...applied, opId].slice(-APPLIED_KEPT);
}
