import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REASONING_HEADROOM } from '../../api/adapters/azure/structured-model';
import { loadConfig } from '../../api/config';
import {
  MODE_BRAND_MAX_TOKENS,
  MODE_DRAFT_MAX_TOKENS,
  StructuredModeGenerator,
} from '../../api/adapters/structured-mode-generator';
import { StoredModeCatalog } from '../../api/adapters/mode-catalog';
import { JobRecord, MAX_DEQUEUE_COUNT, ModeGenerationMessage } from '../../api/contracts/jobs';
import { jobPath } from '../../api/domain/modes/generation/job';
import { processModeGeneration } from '../../api/domain/modes/generation/process-job';
import { requestMode } from '../../api/domain/modes/generation/request-mode';
import { MODE_DESIGNER_PROMPT, modeDesignRequest } from '../../api/domain/prompts/mode-designer';
import { defaultDeployments, type EmulatedDeployment } from '../fakes/foundry-emulator';
import { MemoryDocumentStore } from '../fakes/memory-document-store';
import { MemoryJobQueue } from '../fakes/memory-job-queue';
import { azureHarness, type AzureHarness } from './azure-harness';

// Issue #11 item 2: gpt-5-mini counts hidden reasoning tokens inside completion_tokens
// (https://learn.microsoft.com/azure/foundry/openai/how-to/reasoning). The emulator's strict
// reasoning budget spends them out of max_completion_tokens, by effort, as Azure does.

let h: AzureHarness;
afterEach(async () => h?.stop());

const Small = z.object({ name: z.string(), size: z.number().int() });
const small = (maxCompletionTokens = 500) =>
  h.adapters.structuredModel.complete({
    name: 'small',
    schema: Small,
    messages: [{ role: 'user', content: 'A small thing.' }],
    maxCompletionTokens,
  });
const request = { industry: 'veterinary clinic', companyName: 'Happy Paws' };
const withDeployment = (patch: Partial<EmulatedDeployment>) =>
  defaultDeployments().map((d) => (d.name === 'gpt-5-mini' ? { ...d, ...patch } : d));
const efforts = () => h.emulator.chatRequests().map((b) => (b as { reasoning_effort?: string }).reasoning_effort);
const budgets = () => h.emulator.chatRequests().map((b) => b.max_completion_tokens);

describe('reasoning models are budgeted for their reasoning (strict emulator)', () => {
  it('the request the app used to send (no effort, a budget for the visible answer only) runs out on reasoning: finish_reason length', async () => {
    h = await azureHarness({ emulator: { strict: { reasoningBudget: true } } });
    const client = new OpenAI({
      baseURL: `${h.emulator.url}/openai/v1/`,
      apiKey: 'unused',
      defaultHeaders: { 'api-key': h.emulator.apiKey, Authorization: null },
      maxRetries: 0,
    });
    const completion = await client.chat.completions.create({
      model: 'gpt-5-mini',
      messages: [
        { role: 'system', content: MODE_DESIGNER_PROMPT },
        { role: 'user', content: modeDesignRequest(request) },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'mode_draft', strict: true, schema: {} } },
      max_completion_tokens: MODE_DRAFT_MAX_TOKENS,
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.usage?.completion_tokens).toBe(MODE_DRAFT_MAX_TOKENS);
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(MODE_DRAFT_MAX_TOKENS / 2);
  });

  it('a mode design at the default effort (minimal) fits its budget, and its reasoning tokens are reported', async () => {
    h = await azureHarness({ emulator: { strict: { reasoningBudget: true } } });
    const draft = await new StructuredModeGenerator(h.adapters.structuredModel).generate(request);
    expect(draft.companyName).toBe('Happy Paws');
    // Two steps (issue #12): the small brand call, then the details, each with its own budget.
    expect(efforts()).toEqual(['minimal', 'minimal']);
    expect(budgets()).toEqual([
      MODE_BRAND_MAX_TOKENS + REASONING_HEADROOM.minimal,
      MODE_DRAFT_MAX_TOKENS + REASONING_HEADROOM.minimal,
    ]);
    expect(h.structuredUsage.map((u) => u.name)).toEqual(['mode_brand', 'mode_details']);
    const usage = h.structuredUsage[1];
    expect(usage).toMatchObject({
      name: 'mode_details',
      deployment: 'gpt-5-mini',
      effort: 'minimal',
      finishReason: 'stop',
    });
    expect(usage!.reasoningTokens).toBeGreaterThan(0);
    expect(usage!.completionTokens).toBeGreaterThan(usage!.reasoningTokens);
  });

  it('AZURE_OPENAI_REASONING_EFFORT=medium gets medium headroom, and the draft still fits', async () => {
    h = await azureHarness({
      emulator: { strict: { reasoningBudget: true } },
      env: { AZURE_OPENAI_REASONING_EFFORT: 'medium' },
    });
    await new StructuredModeGenerator(h.adapters.structuredModel).generate(request);
    expect(efforts()).toEqual(['medium', 'medium']);
    expect(budgets()).toEqual([
      MODE_BRAND_MAX_TOKENS + REASONING_HEADROOM.medium,
      MODE_DRAFT_MAX_TOKENS + REASONING_HEADROOM.medium,
    ]);
    expect(h.structuredUsage[0]!.reasoningTokens).toBeGreaterThan(REASONING_HEADROOM.minimal);
  });

  it('a misspelt AZURE_OPENAI_REASONING_EFFORT is named at start-up', () => {
    expect(() =>
      loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com', AZURE_OPENAI_REASONING_EFFORT: 'none' }),
    ).toThrow(/AZURE_OPENAI_REASONING_EFFORT/);
  });

  it('a deployment that refuses "minimal" gets "low" (with low headroom), remembered for the next call', async () => {
    h = await azureHarness({ emulator: { deployments: withDeployment({ efforts: ['low', 'medium', 'high'] }) } });
    await small();
    await small();
    expect(efforts()).toEqual(['minimal', 'low', 'low']);
    expect(budgets()).toEqual([
      500 + REASONING_HEADROOM.minimal,
      500 + REASONING_HEADROOM.low,
      500 + REASONING_HEADROOM.low,
    ]);
    expect(h.structuredUsage.map((u) => u.effort)).toEqual(['low', 'low']);
  });

  it('a deployment that refuses the parameter itself gets none, and the headroom of its default effort (medium)', async () => {
    h = await azureHarness({ emulator: { deployments: withDeployment({ rejects: ['reasoning_effort'] }) } });
    await small();
    await small();
    expect(efforts()).toEqual(['minimal', undefined, undefined]);
    expect(budgets().slice(1)).toEqual([500 + REASONING_HEADROOM.medium, 500 + REASONING_HEADROOM.medium]);
  });

  it('Azure\'s older wording ("Unrecognized request argument supplied: reasoning_effort", no code) drops the parameter at once', async () => {
    h = await azureHarness();
    h.emulator.enqueueFor('gpt-5-mini', {
      kind: 'error',
      status: 400,
      body: {
        error: {
          message: 'Unrecognized request argument supplied: reasoning_effort',
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      },
    });
    await small();
    await small();
    expect(efforts()).toEqual(['minimal', undefined, undefined]);
  });

  it('finish_reason length is its own failure: one retry with double the budget (never a "fix your JSON" retry), then token_budget_spent naming the effort to lower', async () => {
    h = await azureHarness({ env: { AZURE_OPENAI_REASONING_EFFORT: 'low' } });
    const cut = { kind: 'json', value: { name: 'x' }, finishReason: 'length' } as const;
    h.emulator.enqueueFor('gpt-5-mini', cut, cut);
    const error = await small().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'token_budget_spent',
      retryable: false,
      message: expect.stringMatching(
        /^Token budget spent on reasoning: lower AZURE_OPENAI_REASONING_EFFORT \(now "low".*used all 9000 completion tokens/,
      ),
    });
    const sent = h.emulator.chatRequests();
    expect(sent).toHaveLength(2);
    expect(budgets()).toEqual([500 + REASONING_HEADROOM.low, 2 * (500 + REASONING_HEADROOM.low)]);
    expect(sent[1]!.messages).toEqual(sent[0]!.messages);
  });

  it('a length answer followed by a good one at double the budget succeeds', async () => {
    h = await azureHarness();
    h.emulator.enqueueFor(
      'gpt-5-mini',
      { kind: 'json', value: {}, finishReason: 'length' },
      { kind: 'json', value: { name: 'x', size: 3 } },
    );
    expect(await small()).toEqual({ name: 'x', size: 3 });
  });

  it.each([
    ['not JSON twice', { kind: 'text', text: 'Not JSON.' } as const, /did not fit|not JSON/],
    [
      'cut off at the budget twice',
      { kind: 'json', value: {}, finishReason: 'length' } as const,
      /AZURE_OPENAI_REASONING_EFFORT/,
    ],
  ])(
    'a deterministic bad answer (%s) fails the generation job at its first delivery, not after five queue retries',
    async (_, answer, reason) => {
      h = await azureHarness({ env: { AZURE_OPENAI_REASONING_EFFORT: 'low' } });
      h.emulator.enqueueFor('gpt-5-mini', answer, answer);
      const store = new MemoryDocumentStore();
      const clock = { now: () => new Date('2026-12-03T09:00:00Z') };
      const queue = new MemoryJobQueue();
      const deps = { modes: new StoredModeCatalog(store), store, queue, clock, newToken: () => 'token-abcdef-1' };
      const asked = await requestMode(request, deps);
      expect(asked.kind).toBe('job');
      const message = ModeGenerationMessage.parse(queue.sent[0]!.message);
      const outcome = await processModeGeneration(
        message,
        { dequeueCount: 1, maxDequeueCount: MAX_DEQUEUE_COUNT },
        { store, clock, generator: new StructuredModeGenerator(h.adapters.structuredModel) },
      );
      expect(outcome).toBe('failed');
      const job = JobRecord.parse(await store.getJson(jobPath(message.jobId)));
      expect(job).toMatchObject({ status: 'failed', error: { code: 'generation_failed', retryable: true } });
      expect(job.error?.message).toMatch(reason);
      expect(h.emulator.chatRequests()).toHaveLength(2);
    },
  );
});
