import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatEvent } from '../../../api/contracts/chat';
import { buildDeps } from '../../../api/deps';
import { chatPost } from '../../../api/functions/chat-post';
import { modesPost } from '../../../api/functions/modes-post';
import { withBilling } from '../../../api/http/with-billing';
import { emulatedAzureEnv, startFoundryEmulator, type FoundryEmulator } from '../../fakes/foundry-emulator';
import { billingHarness, bodyText, ctx, fixedClock, post, type BillingHarness } from '../billing.harness';
import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import { toolsPost } from '../../../api/functions/tools-post';
import { startsNothing } from '../../fakes/starts-nothing';

let h: BillingHarness;
let emulator: FoundryEmulator;
beforeAll(async () => {
  h = await billingHarness();
  emulator = await startFoundryEmulator();
});
afterAll(async () => {
  await h?.azurite.stop();
  await emulator?.stop();
});

const ok = async () => ({ status: 200, jsonBody: {} });
const chatBody = (sessionId: string) => ({
  sessionId,
  modeId: 'banking',
  personaSeed: 7,
  messages: [{ role: 'user', content: 'How much is left in my checking account?' }],
});

describe('limits hold under concurrency (ETag compare-and-swap on Azurite tables)', () => {
  it('100 concurrent calls from two instances against a limit of 50 → exactly 50 succeed; the rest are 429 with Retry-After naming the limit', async () => {
    const env = { PRESTO_DEMO_REQUESTS_PER_MINUTE: '50' };
    // Two Billing objects = two Function instances: separate in-process queues, one shared table entity.
    const instances = [h.billing(env), h.billing(env)].map((billing) =>
      withBilling('tool', ok, () => ({ billing, ...startsNothing })),
    );
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        instances[i % 2]!(post('tools/show_metrics', { sessionId: 'crowd' }), ctx()),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(50);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(50);
    for (const r of refused) {
      const headers = new Headers(r.headers);
      expect(Number(headers.get('retry-after'))).toBeGreaterThan(0);
      expect(headers.get('x-ratelimit-remaining')).toBe('0');
      expect(r.jsonBody).toMatchObject({
        error: { code: 'rate_limited', retryable: true, limit: 'requests_per_minute' },
      });
    }
  });

  it('a key over its plan gets 429 naming the daily limit (free: 3 generations/day); only starting a new design spends one', async () => {
    const deps = buildDeps(h.config(), { clock: fixedClock });
    const { key } = await h.createKey('free');
    const handler = withBilling(
      'generation',
      modesPost(() => deps),
      () => deps,
    );
    const ask = (industry: string) => handler(post('modes', { industry }, { 'x-api-key': key }), ctx());
    expect((await ask('bank')).status).toBe(200); // pre-built: nothing designed, nothing spent
    for (const industry of ['zoo', 'aquarium', 'bakery']) expect((await ask(industry)).status).toBe(202);
    expect((await ask('zoo')).status).toBe(202); // joining the zoo's design under way is free
    const over = await ask('florist');
    expect(over.status).toBe(429);
    expect(over.jsonBody).toMatchObject({
      error: {
        code: 'rate_limited',
        limit: 'generations_per_day',
        message: expect.stringMatching(/free plan.*generations_per_day/),
      },
    });
    expect(Number(new Headers(over.headers).get('retry-after'))).toBeGreaterThan(3600);
    expect((await ask('an airline')).status).toBe(200); // what exists is still served past the limit
    const caller = (await deps.billing.identify(key))!;
    expect((await deps.billing.usage(caller, 1))[0]?.counters.generations).toBe(3);
  });
});

describe('anonymous demo budget per visitor (session + client address)', () => {
  it('one visitor runs out with a friendly message; another session or address still has its own budget', async () => {
    const billing = h.billing({ PRESTO_DEMO_REQUESTS_PER_MINUTE: '2' });
    const handler = withBilling('tool', ok, () => ({ billing, ...startsNothing }));
    const call = (sessionId: string, ip = '198.51.100.7') =>
      handler(post('tools/show_metrics', { sessionId }, { 'x-forwarded-for': `${ip}, 10.0.0.1` }), ctx());
    expect((await call('visitor-a')).status).toBe(200);
    expect((await call('visitor-a')).status).toBe(200);
    const third = await call('visitor-a');
    expect(third.status).toBe(429);
    expect(third.jsonBody).toMatchObject({
      error: {
        message: expect.stringMatching(
          /^The demo has reached its limit of requests per minute for your visit.*try again in \d+ seconds\.$/,
        ),
      },
    });
    expect((await call('visitor-b')).status).toBe(200);
    expect((await call('visitor-a', '198.51.100.8')).status).toBe(200);
  });
  it('inventing sessionIds does not escape the demo budget: every visitor from one address shares a network budget (visitors × PRESTO_DEMO_VISITORS_PER_NETWORK)', async () => {
    const billing = h.billing({
      PRESTO_DEMO_REQUESTS_PER_MINUTE: '2',
      PRESTO_DEMO_GENERATIONS_PER_DAY: '5',
      PRESTO_DEMO_VISITORS_PER_NETWORK: '2',
    });
    const handler = withBilling('tool', ok, () => ({ billing, ...startsNothing }));
    const call = (sessionId: string, ip = '198.51.100.20') =>
      handler(post('tools/show_metrics', { sessionId }, { 'x-forwarded-for': ip }), ctx());
    // Two visitors' worth (2 × 2 requests this minute) from one address, in fresh sessions each time…
    for (const session of ['s-1', 's-2', 's-3', 's-4']) expect((await call(session)).status).toBe(200);
    // …then a brand-new session from the same address is refused, and told why.
    const refused = await call('s-5');
    expect(refused.status).toBe(429);
    expect(refused.jsonBody).toMatchObject({
      error: {
        limit: 'requests_per_minute',
        message: expect.stringMatching(
          /^The demo has reached its limit of requests per minute for visitors from your network/,
        ),
      },
    });
    // Another address is not affected.
    expect((await call('s-5', '198.51.100.21')).status).toBe(200);

    // A refused call takes no unit from the budget that had room either (a voice session): both change or neither.
    const realtime = withBilling('realtime', ok, () => ({ billing, ...startsNothing }));
    const talk = (sessionId: string) =>
      realtime(post('realtime/session', { sessionId }, { 'x-forwarded-for': '198.51.100.22' }), ctx());
    for (const session of ['v-1', 'v-1', 'v-2', 'v-2']) expect((await talk(session)).status).toBe(200);
    const over = await talk('v-3'); // the network's 4 requests this minute are spent
    expect(over.status).toBe(429);
    const visitor = await billing.identify(undefined, { address: '198.51.100.22', session: 'v-3' });
    const [today] = await billing.usage(visitor!, 1);
    expect(today?.counters.realtimeSessions ?? 0).toBe(0);
  });

  it("a picture refused by the network budget takes no unit from the visitor's own budget either", async () => {
    const billing = h.billing({ PRESTO_DEMO_IMAGES_PER_DAY: '1', PRESTO_DEMO_VISITORS_PER_NETWORK: '1' });
    const a = (await billing.identify(undefined, { address: '198.51.100.50', session: 'painter-a' }))!;
    const b = (await billing.identify(undefined, { address: '198.51.100.50', session: 'painter-b' }))!;
    expect(await billing.reserve(a, 'image', 'op-a')).toEqual({ ok: true });
    expect(await billing.reserve(b, 'image', 'op-b')).toMatchObject({
      ok: false,
      scope: 'network',
      limitName: 'images_per_day',
    });
    expect((await billing.usage(b, 1))[0]?.counters.images ?? 0).toBe(0);
    expect(await billing.reserve(a, 'image', 'op-a')).toEqual({ ok: true }); // a replay is not counted again
    expect((await billing.usage(a, 1))[0]?.counters.images).toBe(1);
  });
});

describe('paid work started by tools', () => {
  const events = async (res: HttpResponseInit) =>
    (await bodyText(res))
      .split('\n\n')
      .filter(Boolean)
      .map((b) =>
        ChatEvent.parse(
          JSON.parse(
            b
              .split('\n')
              .find((l) => l.startsWith('data: '))!
              .slice(6),
          ),
        ),
      );
  const chat = (text: string, personaSeed: number, ip: string) =>
    post(
      'chat',
      { sessionId: 'painter-1', modeId: 'banking', personaSeed, messages: [{ role: 'user', content: text }] },
      { 'x-forwarded-for': ip },
    );

  it('pictures asked for in chat count against images per day: past it the tool says so and nothing is painted; a stored picture stays free', async () => {
    const deps = buildDeps(h.config({ PRESTO_DEMO_IMAGES_PER_DAY: '1' }), { clock: fixedClock });
    const handler = withBilling(
      'chat',
      chatPost(() => deps),
      () => deps,
    );
    const ip = '198.51.100.40';
    const first = (await events(await handler(chat('Illustrate my savings', 1, ip), ctx()))).find(
      (e) => e.type === 'tool',
    );
    expect(first).toMatchObject({
      name: 'make_chart_image',
      result: { status: expect.stringMatching(/^(generating|ready)$/) },
    });
    const refusedTurn = await events(await handler(chat('Illustrate my savings', 2, ip), ctx()));
    const second = refusedTurn.find((e) => e.type === 'tool');
    expect(second).toMatchObject({
      name: 'make_chart_image',
      result: { error: { code: 'rate_limited', message: expect.stringMatching(/limit of chart pictures for today/) } },
    });
    // The assistant passes that on instead of promising a picture.
    expect(refusedTurn.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('')).toMatch(
      /limit of chart pictures for today/,
    );
    const visitor = await deps.billing.identify(undefined, { address: ip, session: 'painter-1' });
    const [today] = await deps.billing.usage(visitor!, 1);
    expect(today?.counters.images).toBe(1);
    // The same picture again joins the job painting it (or is served from the store) without spending anything.
    const again = (await events(await handler(chat('Illustrate my savings', 1, ip), ctx()))).find(
      (e) => e.type === 'tool',
    );
    expect(again).toMatchObject({
      name: 'make_chart_image',
      result: { status: expect.stringMatching(/^(generating|ready)$/) },
    });
    expect((await deps.billing.usage(visitor!, 1))[0]?.counters.images).toBe(1);
  });

  it('new modes asked for by voice (POST /api/tools/switch_mode) count against generations per day', async () => {
    const deps = buildDeps(h.config({ PRESTO_DEMO_GENERATIONS_PER_DAY: '1' }), { clock: fixedClock });
    const handler = withBilling(
      'tool',
      toolsPost(() => deps),
      () => deps,
    );
    const ip = '198.51.100.41';
    const voice = (industry: string) =>
      handler(
        new HttpRequest({
          method: 'POST',
          url: 'http://127.0.0.1/api/tools/switch_mode',
          params: { name: 'switch_mode' },
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: {
            string: JSON.stringify({
              sessionId: 'talker-1',
              modeId: 'banking',
              personaSeed: 3,
              args: { industry, builtin: null, company_name: null },
            }),
          },
        }),
        ctx(),
      );
    expect((await voice('planetarium')).jsonBody).toMatchObject({ result: { status: 'generating' } });
    expect((await voice('observatory')).jsonBody).toMatchObject({
      result: { error: { code: 'rate_limited', message: expect.stringMatching(/limit of new industries for today/) } },
    });
    expect((await voice('planetarium')).jsonBody).toMatchObject({ result: { status: 'generating' } }); // joining its design under way is free
  });
});

describe('metering', () => {
  it('meters the chat tokens the model reported (emulator usage in the done event), once per invocation', async () => {
    const config = h.config(emulatedAzureEnv(emulator));
    const deps = buildDeps(config);
    const { key } = await h.createKey('pro');
    const handler = withBilling(
      'chat',
      chatPost(() => deps),
      () => deps,
    );
    const invocation = ctx();
    const res = await handler(post('chat', chatBody('meter-session-1'), { 'x-api-key': key }), invocation);
    expect(res.jsonBody).toBeUndefined();
    const done = (await bodyText(res))
      .split('\n\n')
      .filter(Boolean)
      .map((b) => ChatEvent.parse(JSON.parse(b.split('\n')[1]!.slice(6))))
      .find((e) => e.type === 'done');
    expect(done?.type === 'done' && done.usage.promptTokens).toBeGreaterThan(0);
    const usage = done?.type === 'done' ? done.usage : undefined;
    const caller = (await deps.billing.identify(key))!;
    const day = (await deps.billing.usage(caller, 1))[0]!;
    expect(day.counters).toMatchObject({
      requests: 1,
      promptTokens: usage!.promptTokens,
      completionTokens: usage!.completionTokens,
    });
    // A replayed metering write (same invocation) is recognised and not counted again.
    await deps.billing.meter(
      caller,
      day.day,
      { promptTokens: usage!.promptTokens, completionTokens: usage!.completionTokens },
      invocation.invocationId,
    );
    expect((await deps.billing.usage(caller, 1))[0]!.counters.promptTokens).toBe(usage!.promptTokens);
  });
});
