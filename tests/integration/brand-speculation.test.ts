// Issue #12 through the billed chat route against Azurite: "Presto-Change-O, you're a veterinary
// clinic called …" starts its brand call on the words, before the model's switch_mode call, and the
// job that call creates uses it — one brand call in all. A tool call naming another industry still
// gets a brand of its own, and a caller with no new industry left today starts none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRecord } from '../../api/contracts/jobs';
import { buildDeps, type Deps } from '../../api/deps';
import { jobPath } from '../../api/domain/modes/generation/job';
import type { ChatModel, ModelChunk, ModelRequest } from '../../api/domain/ports';
import { chatPost } from '../../api/functions/chat-post';
import { withBilling } from '../../api/http/with-billing';
import { CountingGenerator } from '../fakes/counting-generator';
import { END, call } from '../fakes/scripted-chat-model';
import { chatEvents } from '../helpers/sse-events';
import { until } from '../helpers/until';
import { billingHarness, bodyText, ctx, fixedClock, post, type BillingHarness } from './billing.harness';

/**
 * A chat model as slow to its tool call as the real one is: its switch_mode call comes only once a
 * brand call has reached the designer (or, when none is started, after a bounded number of short
 * waits), then one sentence after the tool result. The arguments are the test's.
 */
class SlowToolCallModel implements ChatModel {
  readonly provider = 'offline' as const;
  args: Record<string, unknown> = {};
  /** At most this many 5 ms turns before the tool call goes out anyway (ample for a loaded machine). */
  maxWaits = 2000;
  /** How many brand calls had reached the designer when the tool call went out. */
  brandCallsAtToolCall?: number;
  constructor(private readonly brandCallsStarted: () => number) {}

  async *stream(request: ModelRequest): AsyncIterable<ModelChunk> {
    if (request.messages.at(-1)?.role === 'tool') {
      yield { type: 'text', text: 'It is taking shape.' };
      yield END;
      return;
    }
    const before = this.brandCallsStarted();
    for (let i = 0; i < this.maxWaits && this.brandCallsStarted() === before; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    this.brandCallsAtToolCall = this.brandCallsStarted();
    yield call('call-1', 'switch_mode', this.args);
    yield END;
  }
}

let h: BillingHarness;

beforeAll(async () => {
  h = await billingHarness();
}, 60_000);
afterAll(async () => h?.azurite.stop(), 30_000);

function route(env: Record<string, string> = {}) {
  const generator = new CountingGenerator();
  const model = new SlowToolCallModel(() => generator.brandCalls.length);
  const deps: Deps = buildDeps(h.config(env), { clock: fixedClock, modeGenerator: generator, chatModel: model });
  const chat = withBilling(
    'chat',
    chatPost(() => deps),
    () => deps,
  );
  const say = async (sessionId: string, content: string) =>
    chatEvents(
      await bodyText(
        await chat(
          post('chat', { sessionId, modeId: 'banking', personaSeed: 2, messages: [{ role: 'user', content }] }),
          ctx(),
        ),
      ),
    );
  const brandOn = (key: string) =>
    until(`the brand on job ${key}`, async () => {
      const job = JobRecord.parse(await deps.store.getJson(jobPath(key)));
      return job.brand ? job : undefined;
    });
  return { generator, model, say, brandOn };
}

describe('the brand call of a new industry starts on the words of the command (issue #12)', () => {
  it('one brand call reaches the designer, started before the tool call, and its look is on the job', async () => {
    const { generator, model, say, brandOn } = route();
    model.args = { industry: 'veterinary clinic', builtin: null, company_name: 'Happy Paws' };
    const events = await say('spec-vet-1', "Presto-Change-O, you're a veterinary clinic called Happy Paws");
    // The look had arrived before the tool call: the job event carries it, so the page paints it without a poll.
    expect(events.find((e) => e.type === 'job')).toMatchObject({
      jobId: 'veterinary-clinic--happy-paws',
      brand: { companyName: 'Happy Paws' },
    });
    const job = await brandOn('veterinary-clinic--happy-paws');
    expect(job).toMatchObject({ status: 'queued', stage: 'brand', brand: { companyName: 'Happy Paws' } });
    expect(model.brandCallsAtToolCall).toBe(1);
    expect(generator.brandCalls).toEqual([{ industry: 'veterinary clinic', companyName: 'Happy Paws' }]);
  });

  it('a tool call that names another industry still gets a brand of its own', async () => {
    const { generator, model, say, brandOn } = route();
    model.args = { industry: 'pet grooming salon', builtin: null, company_name: 'Happy Tails' };
    const events = await say('spec-vet-2', "Presto-Change-O, you're a veterinary clinic called Happy Tails");
    expect(events.find((e) => e.type === 'job')).toMatchObject({ jobId: 'pet-grooming-salon--happy-tails' });
    const job = await brandOn('pet-grooming-salon--happy-tails');
    expect(job.brand).toMatchObject({ companyName: 'Happy Tails' });
    expect(generator.brandCalls.map((c) => c.industry)).toEqual(['veterinary clinic', 'pet grooming salon']);
  });

  it('starts no brand call for a caller whose new industries for today are spent', async () => {
    const { generator, model, say } = route({ PRESTO_DEMO_GENERATIONS_PER_DAY: '0' });
    model.args = { industry: 'llama ranch', builtin: null, company_name: null };
    model.maxWaits = 200; // none should start: a second is plenty to show it did not
    const events = await say('spec-llama-1', "Presto-Change-O, you're a llama ranch");
    expect(events.find((e) => e.type === 'tool')).toMatchObject({ ok: false });
    expect(model.brandCallsAtToolCall).toBe(0);
    expect(generator.brandCalls).toEqual([]);
  });
});
