import { describe, expect, it } from 'vitest';
import { findBrand } from '../../../api/adapters/offline/brands';
import { detectIntent } from '../../../api/adapters/offline/intent';
import { OfflineModeGenerator } from '../../../api/adapters/offline/mode-generator';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildGeneratedMode } from '../../../api/domain/modes/generation/build-mode';
import { modeKey } from '../../../api/domain/modes/generation/key';

const generator = new OfflineModeGenerator();
async function make(industry: string, companyName: string | null = null) {
  return buildGeneratedMode(
    await generator.generate({ industry, companyName }),
    modeKey(industry, companyName),
    companyName,
  );
}
const words = (mode: Awaited<ReturnType<typeof make>>) =>
  [...mode.tabs.map((t) => t.label), ...mode.datasets.map((d) => d.label), ...mode.metrics.map((m) => m.label)]
    .join(' ')
    .toLowerCase();

describe('offline mode generator', () => {
  it('gives a veterinary clinic pet-care tabs, datasets and KPIs, not human healthcare', async () => {
    const vet = await make('veterinary clinic', 'Happy Paws');
    expect(vet.companyName).toBe('Happy Paws');
    expect(vet.tabs.map((t) => t.id)).toEqual(expect.arrayContaining(['patients', 'vaccinations', 'appointments']));
    expect(vet.tabs.some((t) => t.icon === 'paw')).toBe(true);
    expect(vet.persona.role).toBe('pet owner');
    expect(words(vet)).not.toMatch(/deductible|hsa|copay/);
    expect(vet.theme.primary).not.toBe(getBuiltinMode('healthcare')!.theme.primary);
  });

  it('gives a food bank donations, meals and volunteers, never banking', async () => {
    const fb = await make('food bank');
    expect(words(fb)).toMatch(/meals served/);
    expect(words(fb)).toMatch(/volunteers/);
    expect(words(fb)).toMatch(/donations/);
    expect(words(fb)).not.toMatch(/checking|mortgage|credit card|savings/);
  });

  it('makes "Wells Fargo" a bank variant branded Wells Fargo, with an inspired (not copied) colour', async () => {
    const wf = await make('banking', 'Wells Fargo');
    const bank = getBuiltinMode('banking')!;
    expect(wf.id).toBe('banking--wells-fargo');
    expect(wf.companyName).toBe('Wells Fargo');
    expect(wf.datasets.map((d) => d.id)).toEqual(expect.arrayContaining(['checking', 'savings', 'mortgage']));
    expect(wf.theme.primary).not.toBe(bank.theme.primary);
    expect(wf.theme.primary).not.toBe('#d71e28'); // the trademark red itself
  });

  it('recognises brands in chat the way a model would', () => {
    const intent = detectIntent("Presto-Change-O, you're Wells Fargo", getBuiltinMode('retail')!);
    expect(intent).toEqual({ kind: 'switch', industry: 'bank', builtin: 'banking', companyName: 'Wells Fargo' });
    expect(findBrand('chase bank')?.name).toBe('Chase');
    expect(findBrand('food bank')).toBeUndefined();
  });

  it('still designs a plausible, distinct mode for industries it has no template for', async () => {
    const space = await make('space agency');
    const llama = await make('llama farm');
    expect(space.name).toBe('Space Agency');
    expect(space.companyName).toMatch(/Space Agency$/);
    expect(llama.companyName).toMatch(/Llama Farm$/);
    expect(space.theme.primary).not.toBe(llama.theme.primary);
    expect(space.tabs.map((t) => t.id)).not.toEqual(llama.tabs.map((t) => t.id));
    expect(space.vocabulary).toContain('space agency');
  });

  it('is deterministic and gives two companies of one industry different colours', async () => {
    expect(await make('food bank')).toEqual(await make('food bank'));
    const a = await make('veterinary clinic', 'Happy Paws');
    const b = await make('veterinary clinic', 'Whisker Wellness');
    expect(a.theme.primary).not.toBe(b.theme.primary);
  });

  it.each([
    'veterinary clinic',
    'food bank',
    'coffee shop',
    'boutique hotel',
    'yoga studio',
    'university',
    'museum',
    'brewery',
    'space agency',
    'insurer',
    'airline',
    'utility',
    'retailer',
    'health plan',
  ])('%s builds into a valid mode', async (industry) => {
    const mode = await make(industry);
    expect(mode.source).toBe('generated');
  });
});
