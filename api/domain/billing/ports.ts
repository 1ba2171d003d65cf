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
 * Per-subject, per-day counters updated by compare-and-swap: `update` reads the entity, lets
 * `change` decide on a copy, and writes it only if nobody else did meanwhile (ETag), retrying on a
 * conflict. `change` returns undefined to leave the counters as they are.
 */
export interface UsageStore {
  update<R>(
    subject: string,
    day: string,
    change: (current: UsageCounters) => { next?: UsageCounters; result: R },
  ): Promise<R>;
  /** This instance's last copy of the counters (no I/O), or undefined if it has none for that day. */
  peek(subject: string, day: string): UsageCounters | undefined;
  days(subject: string, fromDay: string): Promise<Array<{ day: string; counters: UsageCounters }>>;
}
