import type { Clock } from '../ports';
import { admit, dayOf, meter, type Admission, type BillableKind, type MeterDelta } from './budget';
import { PLANS, type PlanLimits, type PlanName } from './plans';
import type { ApiKeyStore, UsageCounters, UsageStore } from './ports';

/** Who pays for a call: an API key's owner, or one anonymous demo visitor. */
export type Caller =
  | { kind: 'key'; id: string; name: string; plan: PlanName; limits: PlanLimits }
  | { kind: 'anonymous'; visitor: string; limits: PlanLimits };

export interface BillingDeps {
  keys: ApiKeyStore;
  usage: UsageStore;
  clock: Clock;
  /** One-way hash of an API key or a visitor identity (SHA-256 in the adapter). */
  hash(value: string): string;
  /** The per-visitor budget of the public demo (config). */
  demo: PlanLimits;
}

/** Counter partitions: table keys may not hold `/ \ # ?`, and a visitor's address is never stored in clear. */
const subjectOf = (caller: Caller) => (caller.kind === 'key' ? `key-${caller.id}` : `anon-${caller.visitor}`);

/**
 * Authentication, admission and metering for billable routes. Every decision reads storage (no
 * cached "key is valid"), so a revoked key is refused on its very next call.
 */
export class Billing {
  constructor(private readonly deps: BillingDeps) {}

  /** undefined: the key is unknown or revoked. Without a key the caller is an anonymous visitor. */
  async identify(apiKey: string | undefined, visitor: string): Promise<Caller | undefined> {
    if (apiKey === undefined) return { kind: 'anonymous', visitor: this.deps.hash(`visitor:${visitor}`).slice(0, 32), limits: this.deps.demo };
    const record = await this.deps.keys.findByHash(this.deps.hash(apiKey));
    if (!record || record.revokedAt) return undefined;
    return { kind: 'key', id: record.id, name: record.name, plan: record.plan, limits: PLANS[record.plan] };
  }

  /** Counts the call if the caller's plan has room; `day` is where its later metering goes. */
  async admit(caller: Caller, kind: BillableKind, opId: string): Promise<Admission & { day: string }> {
    const now = this.deps.clock.now();
    const day = dayOf(now);
    const decision = await this.deps.usage.update(subjectOf(caller), day, (current) => admit(current, caller.limits, kind, now, `a:${opId}`));
    return { ...decision, day };
  }

  /**
   * Whether `admit` will most likely say yes, judged from this instance's last copy of the counters
   * (no I/O). A caller this instance has not seen today is assumed fresh. Used only to start work
   * while the real admission is being written, never instead of it.
   */
  likelyAdmits(caller: Caller, kind: BillableKind): boolean {
    const now = this.deps.clock.now();
    const current = this.deps.usage.peek(subjectOf(caller), dayOf(now));
    return !current || admit(current, caller.limits, kind, now, '').result.ok;
  }

  /** Adds what the call used, once per `opId` however often it is retried. */
  async meter(caller: Caller, day: string, delta: MeterDelta, opId: string): Promise<void> {
    if (Object.values(delta).every((v) => !v)) return;
    await this.deps.usage.update(subjectOf(caller), day, (current) => meter(current, delta, `m:${opId}`));
  }

  /** The caller's counters for the last `days` UTC days, oldest first. */
  async usage(caller: Caller, days: number): Promise<Array<{ day: string; counters: UsageCounters }>> {
    const from = new Date(this.deps.clock.now().getTime() - (days - 1) * 86_400_000);
    return this.deps.usage.days(subjectOf(caller), dayOf(from));
  }
}
