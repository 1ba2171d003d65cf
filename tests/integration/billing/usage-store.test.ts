import type { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableUsageStore } from '../../../api/adapters/storage/table-usage';
import { admit, meter } from '../../../api/domain/billing/budget';
import { billingHarness, fixedClock, type BillingHarness } from '../billing.harness';

let h: BillingHarness;
beforeAll(async () => void (h = await billingHarness()));
afterAll(async () => h?.azurite.stop());

const limits = {
  requestsPerMinute: 1_000,
  tokensPerDay: 1_000_000,
  imagesPerDay: 10,
  generationsPerDay: 10,
  realtimeSessionsPerDay: 10,
};

/** A usage store whose writes to Table Storage are counted. */
function countingStore(): { store: TableUsageStore; writes: () => number } {
  const store = new TableUsageStore(h.config(), 'usagecoalesce');
  let writes = 0;
  const inner = (store as unknown as { table: () => Promise<TableClient> }).table;
  (store as unknown as { table: () => Promise<TableClient> }).table = async () => {
    const table = await inner();
    return new Proxy(table, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if ((name === 'createEntity' || name === 'updateEntity') && typeof value === 'function') {
          return (...args: unknown[]) => {
            writes++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return value;
      },
    });
  };
  return { store, writes: () => writes };
}

describe('usage counters on one instance', () => {
  it('fold the calls waiting for one subject into a few writes (a room behind one address), counting every one exactly', async () => {
    const { store, writes } = countingStore();
    const now = fixedClock.now();
    const day = now.toISOString().slice(0, 10);
    const calls = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        store
          .update('net-room', day, (c) => admit(c, limits, 'chat', now, `a:${i}`))
          .then(() =>
            store.update('net-room', day, (c) => meter(c, { promptTokens: 10, completionTokens: 1 }, `m:${i}`)),
          ),
      ),
    );
    expect(calls).toHaveLength(60);
    const [today] = await store.days('net-room', day);
    expect(today?.counters).toMatchObject({
      requests: 60,
      minuteRequests: 60,
      promptTokens: 600,
      completionTokens: 60,
    });
    // 120 changes; one at a time would have been 120 writes.
    expect(writes()).toBeLessThan(20);
  });

  it('a change that throws fails on its own; the others waiting with it are still counted', async () => {
    const { store } = countingStore();
    const now = fixedClock.now();
    const day = now.toISOString().slice(0, 10);
    const outcomes = await Promise.allSettled([
      store.update('net-odd', day, (c) => admit(c, limits, 'chat', now, 'a:1')),
      store.update('net-odd', day, () => {
        throw new Error('a bug in one caller');
      }),
      store.update('net-odd', day, (c) => admit(c, limits, 'chat', now, 'a:2')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [today] = await store.days('net-odd', day);
    expect(today?.counters.requests).toBe(2);
  });
});
