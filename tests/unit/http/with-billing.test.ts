import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_COUNTERS } from '../../../api/domain/billing/budget';
import { Billing } from '../../../api/domain/billing/billing';
import type { PlanLimits } from '../../../api/domain/billing/plans';
import type { CounterGroup, UsageCounters, UsageStore } from '../../../api/domain/billing/ports';
import { withBilling } from '../../../api/http/with-billing';
import { startsNothing } from '../../fakes/starts-nothing';

/**
 * Usage counters in memory. `shared` is the storage every instance sees; `known` is what this
 * instance last saw. `hold` keeps every write pending until released, as a slow round trip would.
 */
class MemoryUsage implements UsageStore {
  readonly shared = new Map<string, UsageCounters>();
  readonly known = new Map<string, UsageCounters>();
  hold?: Promise<void>;
  /** The next this-many writes fail as if storage were down. */
  outage = 0;

  async update<R>(
    budgets: CounterGroup,
    day: string,
    change: (current: readonly UsageCounters[]) => { next?: ReadonlyArray<UsageCounters | undefined>; result: R },
  ): Promise<R> {
    if (this.hold) await this.hold;
    if (this.outage > 0 && this.outage--) throw new Error('storage unavailable');
    const ids = budgets.subjects.map((subject) => `${subject}/${day}`);
    const current = ids.map((id) => this.shared.get(id) ?? { ...EMPTY_COUNTERS, applied: [] });
    const { next, result } = change(current);
    ids.forEach((id, i) => {
      const written = next?.[i];
      if (written) this.shared.set(id, written);
      this.known.set(id, written ?? current[i]!);
    });
    return result;
  }

  peek(_group: string, subject: string, day: string): UsageCounters | undefined {
    return this.known.get(`${subject}/${day}`);
  }

  async days(): Promise<never[]> {
    return [];
  }
}

const hash = (value: string) => value.replace(/[^a-z0-9]/gi, '');
const NOW = new Date('2026-11-24T10:00:05Z');
const limits = (requestsPerMinute: number): PlanLimits => ({
  requestsPerMinute,
  tokensPerDay: 1_000_000,
  imagesPerDay: 5,
  generationsPerDay: 5,
  realtimeSessionsPerDay: 5,
});

/** A chat trigger whose answer records when the model call starts (first pull) and when it is stopped. */
function chatTrigger() {
  const trace = { calls: 0, started: 0, stopped: 0 };
  const handler = async (): Promise<HttpResponseInit> => {
    trace.calls++;
    async function* body(): AsyncGenerator<Uint8Array> {
      trace.started++;
      try {
        yield new TextEncoder().encode('event: delta\ndata: {"type":"delta","text":"Hello"}\n\n');
        yield new TextEncoder().encode(
          'event: done\ndata: {"type":"done","finishReason":"stop","model":"m","usage":{"promptTokens":3,"completionTokens":1,"totalTokens":4},"messages":[]}\n\n',
        );
      } finally {
        trace.stopped++;
      }
    }
    return { status: 200, headers: { 'content-type': 'text/event-stream' }, body: body() };
  };
  return { trace, handler };
}

function setup(requestsPerMinute: number) {
  const usage = new MemoryUsage();
  const billing = new Billing({
    keys: {
      create: async () => {},
      findByHash: async () => undefined,
      list: async () => [],
      update: async () => false,
    },
    usage,
    clock: { now: () => NOW },
    hash,
    demo: limits(requestsPerMinute),
    demoNetwork: limits(requestsPerMinute * 10),
  });
  const { trace, handler } = chatTrigger();
  const call = () =>
    withBilling('chat', handler, () => ({ billing, ...startsNothing }))(
      new HttpRequest({
        method: 'POST',
        url: 'http://127.0.0.1/api/chat',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: { string: JSON.stringify({ sessionId: 'session-1' }) },
      }),
      new InvocationContext({ functionName: 'chat-post', invocationId: randomUUID(), logHandler: () => {} }),
    );
  return { usage, trace, call };
}

const text = async (res: HttpResponseInit) => {
  let out = '';
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) out += new TextDecoder().decode(chunk);
  return out;
};
const settled = (p: Promise<unknown>) =>
  Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), 20))]);

describe('withBilling on chat: the answer starts while the admission is written', () => {
  it('a caller with room: the model call is already under way, but nothing is answered until the admission says yes', async () => {
    const { usage, trace, call } = setup(5);
    let release!: () => void;
    usage.hold = new Promise((r) => (release = r));
    const pending = call();
    await expect.poll(() => trace.started).toBe(1);
    expect(await settled(pending)).toBe(false); // cannot settle while the admission write is held

    release();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await text(res)).toMatch(/^event: delta\n.*Hello/);
    expect(trace.stopped).toBe(1);
    expect([...usage.shared.values()][0]).toMatchObject({ requests: 1, promptTokens: 3, completionTokens: 1 });
  });

  it('a caller this instance knows to be at its limit starts no model call: 429 at once', async () => {
    const { trace, call } = setup(1);
    expect((await call()).status).toBe(200);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(trace.calls).toBe(1);
    expect(trace.started).toBe(1); // the first call's answer only
  });

  it('a started answer whose admission is refused (the budget was used on another instance) is stopped and never sent', async () => {
    const { usage, trace, call } = setup(1);
    const day = NOW.toISOString().slice(0, 10);
    const subject = `anon-${hash('visitor:203.0.113.7|session-1').slice(0, 32)}`;
    // Another instance has used this minute's one request; this instance has not seen the caller.
    usage.shared.set(`${subject}/${day}`, {
      ...EMPTY_COUNTERS,
      requests: 1,
      minute: '10:00',
      minuteRequests: 1,
      applied: [],
    });
    const res = await call();
    expect(res.status).toBe(429);
    expect(res.jsonBody).toMatchObject({ error: { code: 'rate_limited', limit: 'requests_per_minute' } });
    expect(trace.started).toBe(1);
    await expect.poll(() => trace.stopped).toBe(1);
  });
});

describe('withBilling metering through a storage outage', () => {
  it('keeps trying a failed meter write (safe: replays are recognised), so usage stays exact', async () => {
    vi.useFakeTimers();
    try {
      const { usage, call } = setup(5);
      const res = await call();
      usage.outage = 4; // the one write for both budgets (visitor and network) fails four times
      const body = text(res);
      await vi.advanceTimersByTimeAsync(60_000);
      await body;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(usage.outage).toBe(0);
      for (const counters of usage.shared.values())
        expect(counters).toMatchObject({ requests: 1, promptTokens: 3, completionTokens: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});
