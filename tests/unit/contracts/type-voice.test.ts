import { describe, expect, it } from 'vitest';
import { Mode } from '../../../api/contracts/mode';
import { typeVoiceForIndustry, typeVoiceOf } from '../../../api/contracts/type-voice';
import { BUILTIN_MODE_IDS } from '../../../api/contracts/mode';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildGeneratedMode } from '../../../api/domain/modes/generation/build-mode';
import { lawFirm } from '../../../api/adapters/offline/families/professional';
import { wordsOf } from '../../../api/adapters/offline/families/family';

describe('a typographic voice per family of industries', () => {
  it('gives the pre-built modes their family’s voice', () => {
    const voices = Object.fromEntries(BUILTIN_MODE_IDS.map((id) => [id, typeVoiceOf(getBuiltinMode(id)!)]));
    expect(voices).toEqual({
      banking: 'sober',
      insurance: 'sober',
      energy: 'sober',
      healthcare: 'humanist',
      retail: 'geometric',
      airline: 'geometric',
    });
  });

  it.each([
    ['Law firm', 'serif'],
    ['Public library', 'serif'],
    ['City council', 'serif'],
    ['Accounting practice', 'serif'],
    ['Veterinary clinic', 'humanist'],
    ['Dental office', 'humanist'],
    ['Food bank', 'humanist'],
    ['Boutique hotel', 'geometric'],
    ['Pizzeria', 'geometric'],
    ['Hair salon', 'geometric'],
    ['Credit union', 'sober'],
    ['Logistics company', 'sober'],
    ['Widget foundry works', 'sober'],
  ] as const)('%s → %s', (industry, voice) => {
    expect(typeVoiceForIndustry(industry)).toBe(voice);
  });

  it('the theme’s own voice wins; a stored mode without one is derived from its industry', () => {
    const bank = getBuiltinMode('banking')!;
    expect(typeVoiceOf({ ...bank, theme: { ...bank.theme, font: 'serif' } })).toBe('serif');
    const stored = { ...bank, id: 'veterinary-clinic', name: 'Veterinary clinic', source: 'generated' as const };
    expect(Mode.safeParse(stored).success).toBe(true);
    expect(typeVoiceOf(stored)).toBe('humanist');
  });

  it('a generated mode carries its family’s voice in its theme', () => {
    const mode = buildGeneratedMode(lawFirm.draft(wordsOf('law firm')), 'law-firm', null);
    expect(mode.theme.font).toBe('serif');
  });
});
