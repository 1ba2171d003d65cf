// "you're a bank called Acme Federal" on every route (POST /api/modes, chat, voice) against
// Azurite: the pre-built bank under the company's name at once — stored under its variant key,
// no design job, not counted against the generation allowance — and still rate limited as a switch.
import { chatEvents } from '../helpers/sse-events';
import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mode } from '../../api/contracts/mode';
import { buildDeps, type Deps } from '../../api/deps';
import { getBuiltinMode } from '../../api/domain/modes/catalog';
import { chatPost } from '../../api/functions/chat-post';
import { modeGet } from '../../api/functions/mode-get';
import { modesPost } from '../../api/functions/modes-post';
import { toolsPost } from '../../api/functions/tools-post';
import { withBilling } from '../../api/http/with-billing';
import { CountingGenerator } from '../fakes/counting-generator';
import { billingHarness, bodyText, ctx, fixedClock, post, type BillingHarness } from './billing.harness';

let h: BillingHarness;
let deps: Deps;
let generator: CountingGenerator;
const bank = getBuiltinMode('banking')!;

beforeAll(async () => {
  h = await billingHarness();
  generator = new CountingGenerator();
  // No new industries at all today: anything that reached the generation allowance would be refused.
  deps = buildDeps(h.config({ PRESTO_DEMO_GENERATIONS_PER_DAY: '0' }), { clock: fixedClock, modeGenerator: generator });
}, 60_000);
afterAll(async () => h?.azurite.stop(), 30_000);

const createMode = withBilling(
  'generation',
  modesPost(() => deps),
  () => deps,
);
const chat = withBilling(
  'chat',
  chatPost(() => deps),
  () => deps,
);
const tool = withBilling(
  'tool',
  toolsPost(() => deps),
  () => deps,
);

const voiceSwitch = (sessionId: string, args: Record<string, unknown>) =>
  tool(
    new HttpRequest({
      method: 'POST',
      url: 'http://127.0.0.1/api/tools/switch_mode',
      params: { name: 'switch_mode' },
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.70' },
      body: { string: JSON.stringify({ sessionId, modeId: 'banking', personaSeed: 3, args }) },
    }),
    ctx(),
  );

const events = chatEvents;

async function storedMode(id: string): Promise<HttpResponseInit> {
  return modeGet(() => deps)(
    new HttpRequest({ method: 'GET', url: `http://127.0.0.1/api/modes/${id}`, params: { id } }),
    ctx(),
  );
}

describe('company variants of pre-built modes', () => {
  it('POST /api/modes answers 200 with the variant at once, free of the (spent) generation allowance', async () => {
    const refused = await createMode(post('modes', { industry: 'zoo' }), ctx());
    expect(refused.status).toBe(429); // the allowance really is spent
    const res = await createMode(post('modes', { industry: 'a bank', companyName: 'Acme Federal' }), ctx());
    expect(res.status).toBe(200);
    const mode = Mode.parse(res.jsonBody);
    expect(mode).toMatchObject({ id: 'banking--acme-federal', companyName: 'Acme Federal', source: 'generated' });
    expect(mode.welcome).toMatch(/^Welcome to Acme Federal\./);
    expect(mode.theme).toEqual(bank.theme);
    expect(mode.tabs).toEqual(bank.tabs);
    expect(Mode.parse((await storedMode('banking--acme-federal')).jsonBody)).toEqual(mode);
    expect(Mode.parse((await storedMode('banking')).jsonBody).companyName).toBe(bank.companyName);
    expect(generator.calls).toEqual([]);
    expect(await deps.store.getJson('jobs/banking--acme-federal.json')).toBeUndefined();
  });

  it('chat: the switch_mode call streams the variant as a mode event, with no job event', async () => {
    const body = {
      sessionId: 'variant-chat-1',
      modeId: 'banking',
      personaSeed: 5,
      messages: [{ role: 'user', content: "Presto-Change-O, you're a bank called Keystone Federal" }],
    };
    const list = events(await bodyText(await chat(post('chat', body, { 'x-forwarded-for': '203.0.113.71' }), ctx())));
    expect(list.some((e) => e.type === 'job')).toBe(false);
    const switched = list.find((e) => e.type === 'mode');
    expect(switched).toMatchObject({
      type: 'mode',
      mode: { id: 'banking--keystone-federal', companyName: 'Keystone Federal', theme: bank.theme },
      persona: { modeId: 'banking--keystone-federal', seed: 5 },
    });
    expect(list.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('')).toMatch(/Keystone Federal/);
    expect(generator.calls).toEqual([]);
  });

  it('voice: POST /api/tools/switch_mode returns the variant and its persona at once', async () => {
    const res = await voiceSwitch('variant-voice-1', {
      industry: 'bank',
      builtin: 'banking',
      company_name: 'Acme Federal',
    });
    expect(res.status).toBe(200);
    expect(res.jsonBody).toMatchObject({
      result: { status: 'switched', mode: { id: 'banking--acme-federal', companyName: 'Acme Federal' } },
      mode: { id: 'banking--acme-federal' },
      persona: { modeId: 'banking--acme-federal' },
    });
    expect((res.jsonBody as Record<string, unknown>).job).toBeUndefined();
  });

  it('is rate limited like any switch: past the per-session limit a variant is refused too', async () => {
    const results = [];
    for (let i = 0; i < 7; i++)
      results.push(
        (await voiceSwitch('variant-voice-busy', { industry: 'bank', builtin: 'banking', company_name: `Acme ${i}` }))
          .jsonBody as { result: { status?: string; error?: { code: string } } },
      );
    expect(results.slice(0, 6).map((r) => r.result.status)).toEqual(Array(6).fill('switched'));
    expect(results[6]?.result.error?.code).toBe('rate_limited');
  });
});
