import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  brandOf,
  detailsOf,
  GeneratedModeDraft,
  ModeBrandDraft,
  ModeDetailsDraft,
} from '../../../api/contracts/generated-mode';
import { ModeGenerationMessage } from '../../../api/contracts/jobs';
import { loadConfig } from '../../../api/config';
import { FaultInjectingModeGenerator, parseFaults } from '../../../api/adapters/fault-injection';
import { createModeGenerator } from '../../../api/adapters/mode-generators';
import { OfflineModeGenerator } from '../../../api/adapters/offline/mode-generator';
import { decodeQueueMessage, encodeQueueMessage } from '../../../api/adapters/storage/storage-job-queue';
import {
  MODE_BRAND_MAX_TOKENS,
  MODE_DRAFT_MAX_TOKENS,
  StructuredModeGenerator,
} from '../../../api/adapters/structured-mode-generator';
import { DomainError } from '../../../api/domain/errors';
import type { StructuredModel } from '../../../api/domain/ports';
import { decodeMessageText, toPayload } from '../../../api/local/queue-runner';

describe('queue message encoding', () => {
  it('base64-encodes JSON, and the trigger binding decodes exactly what the adapter sends', () => {
    const message: ModeGenerationMessage = { v: 1, jobId: 'veterinary-clinic--happy-paws', token: 'abcdef1234567890' };
    const text = encodeQueueMessage(message);
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decodeQueueMessage(text)).toEqual(message);
    // The local runtime decodes like the host (host.json messageEncoding: base64) and parses JSON.
    expect(ModeGenerationMessage.parse(toPayload(decodeMessageText(text, 'base64')))).toEqual(message);
    // An unencoded message is exactly what the host cannot read (it would end in -poison).
    expect(() => decodeMessageText(JSON.stringify(message), 'base64')).toThrow(/base64/);
  });

  it('survives non-ASCII text', () => {
    expect(decodeQueueMessage(encodeQueueMessage({ name: 'Café Noël 🐾' }))).toEqual({ name: 'Café Noël 🐾' });
  });
});

class FakeStructuredModel implements StructuredModel {
  readonly requests: Array<Parameters<StructuredModel['complete']>[0]> = [];
  constructor(private readonly answer: unknown) {}
  private answerFor(name: string): unknown {
    return typeof this.answer === 'function' ? (this.answer as (n: string) => unknown)(name) : this.answer;
  }
  async complete<T>(request: {
    name: string;
    schema: z.ZodType<T>;
    messages: Parameters<StructuredModel['complete']>[0]['messages'];
    maxCompletionTokens: number;
  }): Promise<T> {
    this.requests.push(request);
    return request.schema.parse(this.answerFor(request.name));
  }
}

describe('StructuredModeGenerator', () => {
  it('one-shot (the baseline): asks the StructuredModel port for a GeneratedModeDraft, with the request as quoted JSON data', async () => {
    const draft = await new OfflineModeGenerator().generate({ industry: 'food bank', companyName: null });
    const model = new FakeStructuredModel(draft);
    const out = await new StructuredModeGenerator(model, 'one-shot').generate({
      industry: 'food bank',
      companyName: 'Harvest Hope',
    });
    expect(out).toEqual(draft);
    const request = model.requests[0]!;
    expect(request.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(request.schema).toBe(GeneratedModeDraft);
    expect(request.maxCompletionTokens).toBe(MODE_DRAFT_MAX_TOKENS);
    expect(request.messages[0]).toMatchObject({
      role: 'system',
      content: expect.stringMatching(/data, not instructions/),
    });
    expect(JSON.parse(request.messages[1]!.content as string)).toEqual({
      industry: 'food bank',
      companyName: 'Harvest Hope',
    });
  });

  it('two-step (the default): a small brand call reported before the details call, which is told the brand', async () => {
    const draft = new OfflineModeGenerator().draft({ industry: 'food bank', companyName: 'Harvest Hope' });
    const { industryName: _i, companyName: _c, tagline: _t, primaryColor: _p, tabs, ...rest } = draft;
    const details = { ...rest, tabs: tabs.map((t) => ({ id: t.id, datasetIds: t.datasetIds })) };
    const model = new FakeStructuredModel((name: string) => (name === 'mode_brand' ? brandOf(draft) : details));
    const seen: string[] = [];
    const out = await new StructuredModeGenerator(model).generate(
      { industry: 'food bank', companyName: 'Harvest Hope' },
      {
        onBrand: async (brand) => {
          seen.push(`brand ${brand.companyName} after ${model.requests.length} call(s)`);
        },
      },
    );
    expect(seen).toEqual(['brand Harvest Hope after 1 call(s)']);
    expect(out).toEqual(draft);
    expect(model.requests.map((r) => [r.name, r.schema])).toEqual([
      ['mode_brand', ModeBrandDraft],
      ['mode_details', ModeDetailsDraft],
    ]);
    expect(model.requests[0]!.maxCompletionTokens).toBe(MODE_BRAND_MAX_TOKENS);
    expect(model.requests[1]!.maxCompletionTokens).toBe(MODE_DRAFT_MAX_TOKENS);
    const told = JSON.parse(model.requests[1]!.messages[1]!.content as string) as { brand: { tabs: { id: string }[] } };
    expect(told.brand.tabs.map((t) => t.id)).toEqual(tabs.map((t) => t.id));
  });

  it('two-step has a brand step of its own for the request that creates a job; given that brand, the worker asks only for the details', async () => {
    const request = { industry: 'food bank', companyName: 'Harvest Hope' };
    const draft = new OfflineModeGenerator().draft(request);
    const model = new FakeStructuredModel((name: string) =>
      name === 'mode_brand' ? brandOf(draft) : detailsOf(draft),
    );
    const generator = new StructuredModeGenerator(model);
    const brand = await generator.designBrand!(request);
    expect(model.requests.map((r) => r.name)).toEqual(['mode_brand']);
    expect(model.requests[0]!.maxCompletionTokens).toBe(MODE_BRAND_MAX_TOKENS);
    const onBrand = vi.fn();
    const out = await generator.generate(request, { brand, onBrand });
    expect(model.requests.map((r) => r.name)).toEqual(['mode_brand', 'mode_details']);
    expect(onBrand).not.toHaveBeenCalled();
    expect(out).toEqual(draft);
    // The one-shot baseline has no separate look: everything stays in the worker, as before.
    expect(new StructuredModeGenerator(model, 'one-shot').designBrand).toBeUndefined();
  });

  it('two-step keeps a brand that was shown first instead of its own (the first recorded wins)', async () => {
    const request = { industry: 'food bank', companyName: 'Harvest Hope' };
    const draft = new OfflineModeGenerator().draft(request);
    const model = new FakeStructuredModel((name: string) =>
      name === 'mode_brand' ? brandOf(draft) : detailsOf(draft),
    );
    const shown = { ...brandOf(draft), tagline: 'Shown first' };
    const out = await new StructuredModeGenerator(model).generate(request, { onBrand: async () => shown });
    expect(out.tagline).toBe('Shown first');
    const told = JSON.parse(model.requests[1]!.messages[1]!.content as string) as { brand: { tagline: string } };
    expect(told.brand.tagline).toBe('Shown first');
  });

  it('lets an invalid answer fail (the port validates; buildGeneratedMode checks again)', async () => {
    const model = new FakeStructuredModel({ industryName: 'x' });
    await expect(new StructuredModeGenerator(model).generate({ industry: 'zoo', companyName: null })).rejects.toThrow();
  });

  it('is what the azure provider uses; offline uses templates', () => {
    const model = new FakeStructuredModel({});
    expect(
      createModeGenerator(
        loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_API_KEY: 'k' }),
        model,
      ).name,
    ).toBe('structured-model');
    expect(createModeGenerator(loadConfig({}), undefined).name).toBe('offline-templates');
    expect(() =>
      createModeGenerator(
        loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_API_KEY: 'k' }),
        undefined,
      ),
    ).toThrow(/StructuredModel/);
  });
});

describe('test-only fault injection', () => {
  it('parses its rules and is off unless PRESTO_FAULT_INJECTION is set', () => {
    expect(parseFaults(undefined)).toEqual([]);
    expect(parseFaults('generation-fails:cursed,generation-fails-once:haunted')).toEqual([
      { kind: 'generation-fails', word: 'cursed' },
      { kind: 'generation-fails-once', word: 'haunted' },
    ]);
    expect(parseFaults('generation-slow:slowpoke,generation-slow-4s:museum')).toEqual([
      { kind: 'generation-slow', word: 'slowpoke' },
      { kind: 'generation-slow', word: 'museum', ms: 4000 },
    ]);
    expect(loadConfig({ PRESTO_FAULT_INJECTION: 'generation-slow-4s:slowpoke' }).PRESTO_FAULT_INJECTION).toBe(
      'generation-slow-4s:slowpoke',
    );
    expect(() => loadConfig({ PRESTO_FAULT_INJECTION: 'rm -rf' })).toThrow(/PRESTO_FAULT_INJECTION/);
    expect(createModeGenerator(loadConfig({ PRESTO_FAULT_INJECTION: 'generation-fails:cursed' }), undefined).name).toBe(
      'offline-templates+faults',
    );
  });

  it('fails matching industries: always (retryable) or once (permanent), others pass through', async () => {
    const g = new FaultInjectingModeGenerator(
      new OfflineModeGenerator(),
      parseFaults('generation-fails:cursed,generation-fails-once:haunted'),
    );
    await expect(g.generate({ industry: 'cursed museum', companyName: null })).rejects.toMatchObject({
      retryable: true,
    });
    const once = g.generate({ industry: 'haunted house', companyName: null });
    await expect(once).rejects.toBeInstanceOf(DomainError);
    await expect(once).rejects.toMatchObject({ retryable: false });
    await expect(g.generate({ industry: 'haunted house', companyName: null })).resolves.toMatchObject({
      industryName: 'Haunted House',
    });
    await expect(g.generate({ industry: 'zoo', companyName: null })).resolves.toBeTruthy();
  });

  it('generation-fails-after-brand: the first design shows its brand, then fails permanently; the next passes', async () => {
    const g = new FaultInjectingModeGenerator(
      new OfflineModeGenerator(),
      parseFaults('generation-fails-after-brand:spooky'),
    );
    const brands: string[] = [];
    const progress = { onBrand: async (b: { industryName: string }) => void brands.push(b.industryName) };
    const first = g.generate({ industry: 'spooky manor', companyName: null }, progress);
    await expect(first).rejects.toMatchObject({ code: 'generation_failed', retryable: false });
    expect(brands).toEqual(['Spooky Manor']);
    await expect(g.generate({ industry: 'spooky manor', companyName: null }, progress)).resolves.toMatchObject({
      industryName: 'Spooky Manor',
    });
    expect(brands).toEqual(['Spooky Manor', 'Spooky Manor']);
  });

  it('with the brand designed in the request: a failing designer fails that step too, the after-brand rules act on the details', async () => {
    const g = new FaultInjectingModeGenerator(
      new OfflineModeGenerator(),
      parseFaults('generation-fails:cursed,generation-fails-after-brand:spooky'),
    );
    await expect(g.designBrand!({ industry: 'cursed museum', companyName: null })).rejects.toMatchObject({
      retryable: true,
    });
    const request = { industry: 'spooky manor', companyName: null };
    const brand = await g.designBrand!(request);
    const onBrand = vi.fn();
    // The brand was shown before the worker's call: the first design fails at once, the next passes.
    await expect(g.generate(request, { brand, onBrand })).rejects.toMatchObject({ retryable: false });
    await expect(g.generate(request, { brand, onBrand })).resolves.toMatchObject({ industryName: 'Spooky Manor' });
    expect(onBrand).not.toHaveBeenCalled();
    // A generator with no brand step (one-shot) gets none from the wrapper either.
    const offline = new OfflineModeGenerator();
    const oneShot = { name: 'one-shot', generate: (r: typeof request) => offline.generate(r) };
    expect(new FaultInjectingModeGenerator(oneShot, []).designBrand).toBeUndefined();
  });

  it('generation-slow-after-brand-<n>s: the brand is reported, then the design holds before it finishes', async () => {
    expect(
      loadConfig({
        PRESTO_FAULT_INJECTION: 'generation-slow-after-brand-8s:lagoon,generation-fails-after-brand:spooky',
      }).PRESTO_FAULT_INJECTION,
    ).toMatch(/after-brand/);
    expect(parseFaults('generation-slow-after-brand-8s:lagoon')).toEqual([
      { kind: 'generation-slow-after-brand', word: 'lagoon', ms: 8000 },
    ]);
    vi.useFakeTimers();
    try {
      const g = new FaultInjectingModeGenerator(
        new OfflineModeGenerator(),
        parseFaults('generation-slow-after-brand-8s:lagoon'),
      );
      let branded = false;
      let finished = false;
      const run = g
        .generate({ industry: 'lagoon tours', companyName: null }, { onBrand: async () => void (branded = true) })
        .then(() => (finished = true));
      await vi.advanceTimersByTimeAsync(7_999);
      expect([branded, finished]).toEqual([true, false]);
      await vi.advanceTimersByTimeAsync(1);
      await run;
      expect(finished).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
