import type { Clock } from '../ports';
import {
  admit,
  dayOf,
  meter,
  reserve,
  reservedUnit,
  spendUnit,
  type Admission,
  type BillableKind,
  type LimitName,
  type MeterDelta,
  type SpendKind,
} from './budget';
import { PLANS, type PlanLimits, type PlanName } from './plans';
import type { ApiKeyStore, UsageCounters, UsageStore } from './ports';

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

/** Every budget a call is counted against, the caller's own first. */
const budgetsOf = (caller: Caller): Array<{ subject: string; limits: PlanLimits; scope: Refusal['scope'] }> =>
  caller.kind === 'key'
    ? [{ subject: subjectOf(caller), limits: caller.limits, scope: 'caller' }]
    : [
        { subject: subjectOf(caller), limits: caller.limits, scope: 'caller' },
        { subject: `net-${caller.network}`, limits: caller.networkLimits, scope: 'network' },
      ];

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
    // Every budget is decided at once (one round trip, not one per budget); the rate headers are the caller's own.
    const decisions = await Promise.all(
      budgets.map((b) =>
        this.deps.usage.update(b.subject, day, (current) => admit(current, b.limits, kind, now, `a:${opId}`)),
      ),
    );
    const refused = decisions.findIndex((d) => !d.ok);
    if (refused < 0) return { ...(decisions[0] as { ok: true } & Admission), day };
    // A unit reserved on a budget that said yes is given back: the call does not happen.
    await this.giveBack(budgets, decisions, reservedUnit(kind), day, opId);
    return { ...(decisions[refused] as Extract<Admission, { ok: false }>), scope: budgets[refused]!.scope, day };
  }

  /**
   * One unit of a daily allowance for work an admitted call starts on the way — a chart picture or a
   * new mode asked for in chat or by voice — from every budget the caller counts against; a unit
   * taken from a budget that said yes is given back when another says no.
   */
  async reserve(caller: Caller, kind: SpendKind, opId: string): Promise<Reservation> {
    const now = this.deps.clock.now();
    const day = dayOf(now);
    const budgets = budgetsOf(caller);
    const decisions = await Promise.all(
      budgets.map((b) =>
        this.deps.usage.update(b.subject, day, (current) => reserve(current, b.limits, kind, now, `s:${opId}`)),
      ),
    );
    const refused = decisions.findIndex((d) => !d.ok);
    if (refused < 0) return { ok: true };
    await this.giveBack(budgets, decisions, spendUnit(kind), day, opId);
    return { ...(decisions[refused] as Extract<Reservation, { ok: false }>), scope: budgets[refused]!.scope };
  }

  /**
   * Whether `admit` will most likely say yes, judged from this instance's last copy of the counters
   * (no I/O). A caller this instance has not seen today is assumed fresh. Used only to start work
   * while the real admission is being written, never instead of it.
   */
  likelyAdmits(caller: Caller, kind: BillableKind): boolean {
    const now = this.deps.clock.now();
    return budgetsOf(caller).every((b) => {
      const current = this.deps.usage.peek(b.subject, dayOf(now));
      return !current || admit(current, b.limits, kind, now, '').result.ok;
    });
  }

  /** Adds what the call used, once per `opId` however often it is retried. */
  async meter(caller: Caller, day: string, delta: MeterDelta, opId: string): Promise<void> {
    if (Object.values(delta).every((v) => !v)) return;
    await Promise.all(
      budgetsOf(caller).map((b) =>
        this.deps.usage.update(b.subject, day, (current) => meter(current, delta, `m:${opId}`)),
      ),
    );
  }

  /** Returns the unit taken from each budget that said yes when another said no. */
  private async giveBack(
    budgets: ReturnType<typeof budgetsOf>,
    decisions: Array<{ ok: boolean }>,
    unit: ReturnType<typeof spendUnit> | undefined,
    day: string,
    opId: string,
  ): Promise<void> {
    if (!unit) return;
    await Promise.all(
      decisions.map((d, i) =>
        d.ok
          ? this.deps.usage.update(budgets[i]!.subject, day, (current) => meter(current, { [unit]: -1 }, `r:${opId}`))
          : Promise.resolve(),
      ),
    );
  }

  /** The caller's counters for the last `days` UTC days, oldest first. */
  async usage(caller: Caller, days: number): Promise<Array<{ day: string; counters: UsageCounters }>> {
    const from = new Date(this.deps.clock.now().getTime() - (days - 1) * 86_400_000);
    return this.deps.usage.days(subjectOf(caller), dayOf(from));
  }
}
