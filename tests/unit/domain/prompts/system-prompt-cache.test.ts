import { describe, expect, it } from 'vitest';
import { StoredModeCatalog } from '../../../../api/adapters/mode-catalog';
import { buildPersona } from '../../../../api/domain/persona';
import { BUILTIN_MODES, builtinModeSummaries, getBuiltinMode } from '../../../../api/domain/modes/catalog';
import { companyVariant } from '../../../../api/domain/modes/company-variant';
import { cachedSystemPrompt, systemPrompt } from '../../../../api/domain/prompts/system-prompt';
import { MemoryDocumentStore } from '../../../fakes/memory-document-store';

const asOf = new Date('2026-03-15T00:00:00Z');

describe('cachedSystemPrompt', () => {
  it('is the same prompt as building it afresh, for every mode and customer', () => {
    const modes = builtinModeSummaries();
    for (const mode of BUILTIN_MODES)
      for (const seed of [1, 2]) {
        const persona = buildPersona(mode, seed, asOf);
        expect(cachedSystemPrompt(mode, persona, modes)).toBe(systemPrompt(mode, persona, modes));
        expect(cachedSystemPrompt(mode, persona, modes)).toBe(systemPrompt(mode, persona, modes));
      }
  });

  it('never answers with another customer’s figures, nor with a mode list that has changed', () => {
    const bank = getBuiltinMode('banking')!;
    const modes = builtinModeSummaries();
    const alex = buildPersona(bank, 1, asOf);
    const other = buildPersona(bank, 2, asOf);
    const first = cachedSystemPrompt(bank, alex, modes);
    expect(cachedSystemPrompt(bank, other, modes)).toContain(other.name);
    expect(cachedSystemPrompt(bank, other, modes)).not.toBe(first);
    const withVariant = [...modes, { ...modes[0]!, id: 'banking--acme-federal', companyName: 'Acme Federal' }];
    expect(cachedSystemPrompt(bank, alex, withVariant)).toContain('banking--acme-federal');
  });
});

describe('StoredModeCatalog.list', () => {
  it('answers a crowd of turns with one Blob listing, and shows a newly stored mode once the list expires', async () => {
    const store = new MemoryDocumentStore();
    let listings = 0;
    const list = store.list.bind(store);
    store.list = async (prefix) => {
      listings++;
      await new Promise((r) => setTimeout(r, 5));
      return list(prefix);
    };
    let now = 0;
    const catalog = new StoredModeCatalog(store, () => now);
    const lists = await Promise.all(Array.from({ length: 20 }, () => catalog.list()));
    expect(listings).toBe(1);
    expect(new Set(lists).size).toBe(1);
    const variant = companyVariant(getBuiltinMode('banking')!, 'banking--acme-federal', 'Acme Federal');
    await store.create('modes/banking--acme-federal.json', variant);
    now += 60_000;
    expect((await catalog.list()).map((m) => m.id)).toContain('banking--acme-federal');
    expect(listings).toBe(2);
  });
});
