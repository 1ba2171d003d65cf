import type { PlanName } from './plans';

/** An API key as stored: never the key itself, only its SHA-256 hash. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  plan: PlanName;
  createdAt: string;
  revokedAt?: string;
}

/** API keys in Table Storage (adapters/storage/table-api-keys.ts). */
export interface ApiKeyStore {
  /** Stores a new key's hash; the caller shows the key once and forgets it. */
  create(record: ApiKeyRecord, keyHash: string): Promise<void>;
  findByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  list(): Promise<ApiKeyRecord[]>;
  /** False when no key has this id. */
  update(id: string, change: { plan?: PlanName; revokedAt?: string }): Promise<boolean>;
}

/** One caller's counters for one UTC day (with the current minute's request count folded in). */
export interface UsageCounters {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  images: number;
  generations: number;
  realtimeSessions: number;
  /** `HH:MM` of the minute `minuteRequests` counts. */
  minute: string;
  minuteRequests: number;
  /** Operation ids already applied (bounded): a replayed write after a lost reply is skipped. */
  applied: string[];
}

/**
 * Budgets that change together: `subjects` name the budgets (the caller's own first), `group` the
 * partition they share, so one write (a Table entity group transaction) changes all of them or
 * none. An API key is a group of one; an anonymous visitor shares its group with its network.
 */
export interface CounterGroup {
  group: string;
  subjects: readonly string[];
}

/**
 * Per-budget, per-day counters updated by compare-and-swap: `update` reads the group's entities,
 * lets `change` decide on copies (one per subject, in order), and writes the changed ones at once
 * only if nobody else did meanwhile (ETags), retrying on a conflict. `change` returns no `next`
 * (or undefined for a subject) to leave those counters as they are.
 */
export interface UsageStore {
  update<R>(
    budgets: CounterGroup,
    day: string,
    change: (current: readonly UsageCounters[]) => { next?: ReadonlyArray<UsageCounters | undefined>; result: R },
  ): Promise<R>;
  /** This instance's last copy of one budget's counters (no I/O), or undefined if it has none for that day. */
  peek(group: string, subject: string, day: string): UsageCounters | undefined;
  days(group: string, subject: string, fromDay: string): Promise<Array<{ day: string; counters: UsageCounters }>>;
}
