import type { Clock } from '../ports';
import {
  admit,
  dayOf,
  EMPTY_COUNTERS,
  meter,
  reserve,
  type Admission,
  type BillableKind,
  type LimitName,
  type MeterDelta,
  type SpendKind,
} from './budget';
import { PLANS, type PlanLimits, type PlanName } from './plans';
import type { ApiKeyStore, CounterGroup, UsageCounters, UsageStore } from './ports';

/** Who pays for a call: an API key's owner, or one anonymous demo visitor (and the network it calls from). */
export type Caller =
  | { kind: 'key'; id: string; name: string; plan: PlanName; limits: PlanLimits }
  | { kind: 'anonymous'; visitor: string; network: string; limits: PlanLimits; networkLimits: PlanLimits };

/** An anonymous browser call: the client address and the conversation's sessionId (client-chosen). */
export interface Visitor {
  address: string;
  session: string;
}

/** Which budget refused a call: the caller's own, or (anonymous) the one every visitor from its address shares. */
export type Refusal = Extract<Admission, { ok: false }> & { scope: 'caller' | 'network' };

/** A unit reserved (`Billing.reserve`), or which daily limit is spent and until when. */
export type Reservation =
  { ok: true } | { ok: false; limitName: LimitName; retryAfterSeconds: number; scope: Refusal['scope'] };

export interface BillingDeps {
  keys: ApiKeyStore;
  usage: UsageStore;
  clock: Clock;
  /** One-way hash of an API key or a visitor identity (SHA-256 in the adapter). */
  hash(value: string): string;
  /** The per-visitor budget of the public demo (config). */
  demo: PlanLimits;
  /**
   * The budget every anonymous visitor from one client address shares (config: the visitor budget
   * times PRESTO_DEMO_VISITORS_PER_NETWORK). A sessionId is the client's to invent, so without it a
   * script could start a fresh visitor budget with every call.
   */
  demoNetwork: PlanLimits;
}

/** Counter partitions: table keys may not hold `/ \ # ?`, and a visitor's address is never stored in clear. */
const subjectOf = (caller: Caller) => (caller.kind === 'key' ? `key-${caller.id}` : `anon-${caller.visitor}`);

/**
 * Every budget a call is counted against, the caller's own first, and the group they are written
 * in: a visitor's counters live beside its network's, so a turn changes both in one write.
 */
function budgetsOf(caller: Caller): CounterGroup & { limits: PlanLimits[]; scopes: Array<Refusal['scope']> } {
  if (caller.kind === 'key')
    return { group: subjectOf(caller), subjects: [subjectOf(caller)], limits: [caller.limits], scopes: ['caller'] };
  const network = `net-${caller.network}`;
  return {
    group: network,
    subjects: [subjectOf(caller), network],
    limits: [caller.limits, caller.networkLimits],
    scopes: ['caller', 'network'],
  };
}

/**
 * Decides one change on every budget at once: all say yes and all are written, or the first to say
 * no is the answer and nothing is written — so no unit is ever taken and given back.
 */
function onEvery<T extends { ok: boolean }>(
  budgets: ReturnType<typeof budgetsOf>,
  decide: (current: UsageCounters, limits: PlanLimits) => { next?: UsageCounters; result: T },
) {
  return (current: readonly UsageCounters[]) => {
    const decisions = budgets.subjects.map((_, i) => decide(current[i]!, budgets.limits[i]!));
    const refused = decisions.findIndex((d) => !d.result.ok);
    if (refused >= 0) return { result: { ...decisions[refused]!.result, scope: budgets.scopes[refused]! } };
    return { next: decisions.map((d) => d.next), result: { ...decisions[0]!.result, scope: budgets.scopes[0]! } };
  };
}

/**
 * Authentication, admission and metering for billable routes. Every decision reads storage (no
 * cached "key is valid"), so a revoked key is refused on its very next call.
 */
export class Billing {
  constructor(private readonly deps: BillingDeps) {}

  /** undefined: the key is unknown or revoked. Without a key the caller is an anonymous visitor. */
  async identify(
    apiKey: string | undefined,
    visitor: Visitor = { address: 'unknown', session: '' },
  ): Promise<Caller | undefined> {
    if (apiKey === undefined) {
      return {
        kind: 'anonymous',
        visitor: this.deps.hash(`visitor:${visitor.address}|${visitor.session}`).slice(0, 32),
        network: this.deps.hash(`network:${visitor.address}`).slice(0, 32),
        limits: this.deps.demo,
        networkLimits: this.deps.demoNetwork,
      };
    }
    const record = await this.deps.keys.findByHash(this.deps.hash(apiKey));
    if (!record || record.revokedAt) return undefined;
    return { kind: 'key', id: record.id, name: record.name, plan: record.plan, limits: PLANS[record.plan] };
  }

  /** Counts the call if the caller's plan has room; `day` is where its later metering goes. */
  async admit(
    caller: Caller,
    kind: BillableKind,
    opId: string,
  ): Promise<(({ ok: true } & Admission) | Refusal) & { day: string }> {
    const now = this.deps.clock.now();
    const day = dayOf(now);
    const budgets = budgetsOf(caller);
    // Every budget is decided and written at once (one round trip); the rate headers are the caller's own.
    const decision = await this.deps.usage.update(
      budgets,
      day,
      onEvery(budgets, (current, limits) => admit(current, limits, kind, now, `a:${opId}`)),
    );
    if (decision.ok) {
      const { scope: _caller, ...admitted } = decision;
      return { ...admitted, day };
    }
    return { ...decision, day };
  }

  /**
   * One unit of a daily allowance for work an admitted call starts on the way — a chart picture or a
   * new mode asked for in chat or by voice — from every budget the caller counts against, all in
   * one write or none.
   */
  async reserve(caller: Caller, kind: SpendKind, opId: string): Promise<Reservation> {
    const now = this.deps.clock.now();
    const budgets = budgetsOf(caller);
    const decision = await this.deps.usage.update(
      budgets,
      dayOf(now),
      onEvery(budgets, (current, limits) => reserve(current, limits, kind, now, `s:${opId}`)),
    );
    return decision.ok ? { ok: true } : decision;
  }

  /**
   * Whether `admit` will most likely say yes, judged from this instance's last copy of the counters
   * (no I/O). A caller this instance has not seen today is assumed fresh. Used only to start work
   * while the real admission is being written, never instead of it.
   */
  likelyAdmits(caller: Caller, kind: BillableKind): boolean {
    const now = this.deps.clock.now();
    const budgets = budgetsOf(caller);
    return budgets.subjects.every((subject, i) => {
      const current = this.deps.usage.peek(budgets.group, subject, dayOf(now));
      return !current || admit(current, budgets.limits[i]!, kind, now, '').result.ok;
    });
  }

  /**
   * Whether `reserve` will most likely grant a unit of `kind`, judged like `likelyAdmits` from this
   * instance's last copy of the counters (no I/O, nothing charged). Used only to start work early
   * (a brand call on a command's words) that the real reservation may still refuse to pay for.
   */
  likelyReserves(caller: Caller, kind: SpendKind): boolean {
    const now = this.deps.clock.now();
    const budgets = budgetsOf(caller);
    return budgets.subjects.every((subject, i) => {
      const current = this.deps.usage.peek(budgets.group, subject, dayOf(now));
      // Unseen today is fresh counters, not "yes": an allowance of 0 has no unit even then.
      return reserve(current ?? EMPTY_COUNTERS, budgets.limits[i]!, kind, now, '').result.ok;
    });
  }

  /** Adds what the call used to every budget in one write, once per `opId` however often it is retried. */
  async meter(caller: Caller, day: string, delta: MeterDelta, opId: string): Promise<void> {
    if (Object.values(delta).every((v) => !v)) return;
    const budgets = budgetsOf(caller);
    await this.deps.usage.update(budgets, day, (current) => {
      const metered = current.map((c) => meter(c, delta, `m:${opId}`).next);
      return { next: metered, result: undefined };
    });
  }

  /** The caller's counters for the last `days` UTC days, oldest first. */
  async usage(caller: Caller, days: number): Promise<Array<{ day: string; counters: UsageCounters }>> {
    const from = new Date(this.deps.clock.now().getTime() - (days - 1) * 86_400_000);
    return this.deps.usage.days(budgetsOf(caller).group, subjectOf(caller), dayOf(from));
  }
}
