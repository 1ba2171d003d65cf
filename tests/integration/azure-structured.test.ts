import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAzureAdapters } from '../../api/adapters/azure/azure-adapters';
import { z } from 'zod';
import { REASONING_HEADROOM } from '../../api/adapters/azure/structured-model';
import { StructuredModeGenerator } from '../../api/adapters/structured-mode-generator';
import { GeneratedModeDraft } from '../../api/contracts/generated-mode';
import { DomainError } from '../../api/domain/errors';
import type { ModelMessage } from '../../api/domain/ports';
import { azureHarness, type AzureHarness } from './azure-harness';

let h: AzureHarness;
afterEach(async () => h?.stop());

const Draft = z.object({
  name: z.string().min(2).max(40),
  primary: z.string().regex(/^#[0-9a-f]{6}$/),
  tabs: z
    .array(z.object({ id: z.string(), label: z.string() }))
    .min(2)
    .max(5),
  tagline: z.string().max(80).optional(),
  score: z.number().int().min(0).max(10).nullable(),
});
const messages: ModelMessage[] = [{ role: 'user', content: 'Design a veterinary clinic mode.' }];
const valid = {
  name: 'Happy Paws',
  primary: '#1d4ed8',
  tabs: [
    { id: 'pets', label: 'Pets' },
    { id: 'visits', label: 'Visits' },
  ],
  tagline: null,
  score: 7,
};
const complete = () =>
  h.adapters.structuredModel.complete({ name: 'test_draft', schema: Draft, messages, maxCompletionTokens: 1200 });

describe('Structured output on the structured deployment (docs/pitfalls.md 3.1)', () => {
  it('goes to the structured deployment (not model-router) with a strict json_schema, and returns the zod-validated value', async () => {
    h = await azureHarness();
    h.emulator.enqueueFor('gpt-5-mini', { kind: 'json', value: valid });
    const draft = await complete();
    expect(draft).toEqual({ ...valid, tagline: undefined });
    expect('tagline' in draft).toBe(false);
    const body = h.emulator.chatRequests()[0]! as Record<string, unknown>;
    expect(body.model).toBe('gpt-5-mini');
    expect(body).toMatchObject({
      max_completion_tokens: 1200 + REASONING_HEADROOM.minimal,
      reasoning_effort: 'minimal',
      response_format: { type: 'json_schema', json_schema: { name: 'test_draft', strict: true } },
    });
    expect(body).not.toHaveProperty('max_tokens');
    const schema = (body.response_format as { json_schema: { schema: Record<string, unknown> } }).json_schema.schema;
    expect(schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['name', 'primary', 'tabs', 'tagline', 'score'],
    });
    expect(JSON.stringify(schema)).not.toMatch(
      /minLength|maxLength|pattern|minItems|maxItems|minimum|maximum|\$schema/,
    );
  });

  it('retries once, telling the model what was wrong, when the first answer breaks the zod schema', async () => {
    h = await azureHarness();
    h.emulator.enqueueFor(
      'gpt-5-mini',
      { kind: 'json', value: { ...valid, primary: 'blue' } },
      { kind: 'json', value: valid },
    );
    expect((await complete()).primary).toBe('#1d4ed8');
    const [, second] = h.emulator.chatRequests();
    expect(JSON.stringify(second?.messages.at(-1))).toMatch(/primary/);
  });

  it('fails clearly, and for good, after the second answer that is not JSON', async () => {
    h = await azureHarness();
    h.emulator.enqueueFor(
      'gpt-5-mini',
      { kind: 'text', text: 'Sure! Here is a mode:' },
      { kind: 'text', text: 'Here it is again:' },
    );
    const error = await complete().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    // Permanent: the same prompt gets the same kind of answer, so queue redeliveries would only spend tokens.
    expect(error).toMatchObject({
      code: 'invalid_model_output',
      retryable: false,
      message: expect.stringMatching(/gpt-5-mini.*test_draft.*not JSON/),
    });
    expect(h.emulator.chatRequests()).toHaveLength(2);
  });

  it('the default emulator brain ignores constraints strict mode cannot express — zod catches it', async () => {
    h = await azureHarness();
    const error = await complete().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_model_output' });
  });

  it('a refusal fails at once and for good, saying what the model said (no corrective retry)', async () => {
    h = await azureHarness();
    h.emulator.enqueueFor('gpt-5-mini', { kind: 'refusal', refusal: "I'm sorry, I can't help with that." });
    const error = await complete().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'model_refused',
      retryable: false,
      message: expect.stringMatching(
        /"gpt-5-mini" declined the test_draft request: "I'm sorry, I can't help with that\."/,
      ),
    });
    expect(h.emulator.chatRequests()).toHaveLength(1);
  });

  it("logs each call's token use to the invocation's log, never to stdout", async () => {
    h = await azureHarness();
    // The app's own wiring: no usage hook, as deps.ts builds it.
    const { structuredModel } = createAzureAdapters(h.config);
    h.emulator.enqueueFor('gpt-5-mini', { kind: 'json', value: valid }, { kind: 'json', value: valid });
    const stdout = vi.spyOn(console, 'info');
    const lines: string[] = [];
    const call = (log?: (line: string) => void) =>
      structuredModel.complete({
        name: 'test_draft',
        schema: Draft,
        messages,
        maxCompletionTokens: 1200,
        ...(log ? { log } : {}),
      });
    try {
      await call((line) => lines.push(line)); // a queue trigger passes its context.log
      await call(); // no log: nothing printed either
      expect(stdout).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
    }
    expect(lines).toEqual([
      expect.stringMatching(
        /^\[azure\] test_draft on gpt-5-mini: finish stop, prompt \d+, completion \d+ \(reasoning \d+\) of max \d+, effort minimal$/,
      ),
    ]);
  });

  it('a filtered completion is ContentFiltered, not a retry', async () => {
    h = await azureHarness();
    h.emulator.enqueueFor('gpt-5-mini', { kind: 'completion_filtered' });
    await expect(complete()).rejects.toMatchObject({ code: 'content_filtered' });
    expect(h.emulator.chatRequests()).toHaveLength(1);
  });

  it('mode generation (issue #4) on Azure: GeneratedModeDraft fits strict mode and the draft comes from the structured deployment', async () => {
    h = await azureHarness();
    const draft = await new StructuredModeGenerator(h.adapters.structuredModel).generate({
      industry: 'veterinary clinic',
      companyName: 'Happy Paws',
    });
    expect(GeneratedModeDraft.parse(draft).companyName).toBe('Happy Paws');
    // Two strict calls on the structured deployment (issue #12): the brand, then the details.
    expect(h.emulator.chatRequests()).toMatchObject([
      { model: 'gpt-5-mini', response_format: { json_schema: { name: 'mode_brand', strict: true } } },
      { model: 'gpt-5-mini', response_format: { json_schema: { name: 'mode_details', strict: true } } },
    ]);
  });

  it('the one-shot baseline (PRESTO_MODE_DESIGN=one-shot) designs the same draft in one mode_draft call', async () => {
    h = await azureHarness();
    const request = { industry: 'veterinary clinic', companyName: 'Happy Paws' };
    const twoStep = await new StructuredModeGenerator(h.adapters.structuredModel).generate(request);
    const oneShot = await new StructuredModeGenerator(h.adapters.structuredModel, 'one-shot').generate(request);
    expect(oneShot).toEqual(twoStep);
    expect(h.emulator.chatRequests().at(-1)).toMatchObject({
      model: 'gpt-5-mini',
      response_format: { json_schema: { name: 'mode_draft', strict: true } },
    });
  });

  it("shares the chat's rate-limit handling: 429 then success", async () => {
    h = await azureHarness();
    h.emulator.enqueueFor('gpt-5-mini', { kind: 'rate_limit', retryAfterMs: 10 }, { kind: 'json', value: valid });
    expect((await complete()).name).toBe('Happy Paws');
    expect(h.sleeps).toEqual([10]);
  });
});
