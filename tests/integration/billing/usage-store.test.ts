import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableUsageStore } from '../../../api/adapters/storage/table-usage';
import { sha256 } from '../../../api/adapters/billing/key-material';
import { Billing } from '../../../api/domain/billing/billing';
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

/** A usage store whose writes to Table Storage are counted (a transaction is one write: one round trip). */
function countingStore(table = 'usagecoalesce'): { store: TableUsageStore; writes: () => number } {
  const store = new TableUsageStore(h.config(), table);
  let writes = 0;
  const inner = (store as unknown as { table: () => Promise<TableClient> }).table;
  (store as unknown as { table: () => Promise<TableClient> }).table = async () => {
    const table = await inner();
    return new Proxy(table, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        // An entity group transaction goes out through the client's own pipeline (table-transaction.ts).
        if (name === 'pipeline') {
          const pipeline = value as TableClient['pipeline'];
          return new Proxy(pipeline, {
            get(p, member) {
              const send = Reflect.get(p, member) as unknown;
              if (member !== 'sendRequest' || typeof send !== 'function') return send;
              return (...args: unknown[]) => {
                writes++;
                return (send as (...a: unknown[]) => unknown).apply(p, args);
              };
            },
          });
        }
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
    const room = { group: 'net-room', subjects: ['net-room'] };
    const now = fixedClock.now();
    const day = now.toISOString().slice(0, 10);
    const calls = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        store
          .update(room, day, ([c]) => ({ next: [admit(c!, limits, 'chat', now, `a:${i}`).next], result: true }))
          .then(() =>
            store.update(room, day, ([c]) => ({
              next: [meter(c!, { promptTokens: 10, completionTokens: 1 }, `m:${i}`).next],
              result: true,
            })),
          ),
      ),
    );
    expect(calls).toHaveLength(60);
    const [today] = await store.days('net-room', 'net-room', day);
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
    const odd = { group: 'net-odd', subjects: ['net-odd'] };
    const outcomes = await Promise.allSettled([
      store.update(odd, day, ([c]) => ({ next: [admit(c!, limits, 'chat', now, 'a:1').next], result: true })),
      store.update(odd, day, () => {
        throw new Error('a bug in one caller');
      }),
      store.update(odd, day, ([c]) => ({ next: [admit(c!, limits, 'chat', now, 'a:2').next], result: true })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [today] = await store.days('net-odd', 'net-odd', day);
    expect(today?.counters.requests).toBe(2);
  });
});

describe('an anonymous chat turn (the visitor and its network counted together)', () => {
  const demo = { ...limits, requestsPerMinute: 100 };
  const billingOn = (store: TableUsageStore) =>
    new Billing({
      keys: h.keys,
      usage: store,
      clock: fixedClock,
      hash: sha256,
      demo,
      demoNetwork: { ...demo, requestsPerMinute: 1_000 },
    });
  /** One chat turn as withBilling runs it: admitted, then metered with what the model reported. */
  const turn = async (billing: Billing, address: string, session: string) => {
    const caller = (await billing.identify(undefined, { address, session }))!;
    const opId = randomUUID();
    const admitted = await billing.admit(caller, 'chat', opId);
    expect(admitted.ok).toBe(true);
    await billing.meter(caller, admitted.day, { promptTokens: 10, completionTokens: 1 }, opId);
    return caller;
  };

  it('costs one write to admit and one to meter, however many budgets it counts against', async () => {
    const { store, writes } = countingStore('usageturn');
    const billing = billingOn(store);
    await turn(billing, '198.51.100.60', 'first-visit'); // the day's first: both entities inserted together
    expect(writes()).toBe(2);
    await turn(billing, '198.51.100.60', 'first-visit'); // a returning visitor: both replaced together (If-Match)
    expect(writes()).toBe(4);
  });

  const networkOf = (caller: Awaited<ReturnType<typeof turn>>) =>
    caller.kind === 'anonymous' ? `net-${caller.network}` : caller.id;
  const day = fixedClock.now().toISOString().slice(0, 10);

  it('20 visitors behind one address at once: every budget exact, in at most one write per turn to admit and one to meter', async () => {
    const { store, writes } = countingStore('usageroom');
    const billing = billingOn(store);
    const callers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => turn(billing, '198.51.100.61', `room-${i}`)),
    );
    for (const caller of callers)
      expect((await billing.usage(caller, 1))[0]?.counters).toMatchObject({ requests: 1, promptTokens: 10 });
    const [network] = await store.days(networkOf(callers[0]!), networkOf(callers[0]!), day);
    expect(network?.counters).toMatchObject({ requests: 20, promptTokens: 200, completionTokens: 20 });
    expect(writes()).toBeLessThanOrEqual(2 * 20);
  });

  it('20 visitors behind one address on two instances at once: conflicts on the shared network entity lose nothing', async () => {
    const stores = [countingStore('usagecrowd').store, countingStore('usagecrowd').store];
    const billings = stores.map(billingOn);
    const callers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => turn(billings[i % 2]!, '198.51.100.62', `crowd-${i}`)),
    );
    for (const caller of callers)
      expect((await billings[1]!.usage(caller, 1))[0]?.counters).toMatchObject({
        requests: 1,
        promptTokens: 10,
        completionTokens: 1,
      });
    const [network] = await stores[0]!.days(networkOf(callers[0]!), networkOf(callers[0]!), day);
    expect(network?.counters).toMatchObject({ requests: 20, promptTokens: 200, completionTokens: 20 });
  });
});
