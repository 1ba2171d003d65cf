import type { Mode, TypeVoice } from './mode';

/**
 * The typographic voice of an industry family (issue #14): finance and utilities speak in a sober
 * sans, health and care in a humanist one, travel, retail and leisure in a geometric one, and
 * civic and professional services set their headings in a serif. Pure and shared: the API stamps
 * it on a generated mode's theme; the SPA derives it for modes stored before the field existed.
 */
const FAMILY_WORDS: ReadonlyArray<readonly [TypeVoice, readonly string[]]> = [
  [
    'serif',
    [
      'law',
      'legal',
      'attorney',
      'attorneys',
      'solicitor',
      'notary',
      'accounting',
      'accountant',
      'accountants',
      'cpa',
      'tax',
      'consulting',
      'consultancy',
      'architect',
      'architects',
      'real estate',
      'realty',
      'realtor',
      'library',
      'museum',
      'university',
      'college',
      'school',
      'academy',
      'council',
      'city',
      'county',
      'government',
      'public sector',
      'municipal',
      'town hall',
      'non-profit',
      'nonprofit',
      'charity',
      'foundation',
      'church',
      'publisher',
    ],
  ],
  [
    'humanist',
    [
      'health',
      'healthcare',
      'hospital',
      'clinic',
      'medical',
      'doctor',
      'dental',
      'dentist',
      'pharmacy',
      'care',
      'nursing',
      'therapy',
      'wellness',
      'veterinary',
      'vet',
      'pet',
      'blood bank',
      'food bank',
      'senior',
      'childcare',
      'daycare',
      'patient',
    ],
  ],
  [
    'geometric',
    [
      'airline',
      'travel',
      'hotel',
      'resort',
      'cruise',
      'restaurant',
      'pizzeria',
      'cafe',
      'coffee',
      'bakery',
      'bar',
      'retail',
      'shop',
      'store',
      'boutique',
      'fashion',
      'salon',
      'spa',
      'gym',
      'fitness',
      'cinema',
      'theater',
      'theatre',
      'venue',
      'music',
      'sports',
      'stadium',
      'zoo',
      'car dealer',
      'dealership',
      'florist',
      'brewery',
    ],
  ],
  [
    'sober',
    [
      'bank',
      'banking',
      'credit union',
      'insurance',
      'insurer',
      'finance',
      'fintech',
      'investment',
      'wealth',
      'lender',
      'mortgage',
      'payments',
      'energy',
      'utility',
      'power',
      'telecom',
      'logistics',
      'shipping',
    ],
  ],
];

/** The pre-built modes, by id: their industries are known without reading any words. */
const BUILTIN_VOICES: Record<string, TypeVoice> = {
  banking: 'sober',
  insurance: 'sober',
  energy: 'sober',
  healthcare: 'humanist',
  retail: 'geometric',
  airline: 'geometric',
};

/** The safe default: a sober sans reads well for any industry. */
export const DEFAULT_TYPE_VOICE: TypeVoice = 'sober';

/** The voice an industry's words call for ("veterinary clinic" → humanist), else the default. */
export function typeVoiceForIndustry(words: string): TypeVoice {
  const text = ` ${words
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  let best: { voice: TypeVoice; at: number } | undefined;
  // The earliest family word in the phrase wins: "law firm library" is a law firm, "pet hotel" is care.
  for (const [voice, words] of FAMILY_WORDS) {
    for (const word of words) {
      const at = text.indexOf(` ${word} `);
      const plural = at < 0 ? text.indexOf(` ${word}s `) : at;
      if (plural >= 0 && (!best || plural < best.at)) best = { voice, at: plural };
    }
  }
  return best?.voice ?? DEFAULT_TYPE_VOICE;
}

/**
 * A mode's voice: the theme's own field, else the pre-built mode's family, else the industry
 * words of its name (stored generated modes), else the default.
 */
export function typeVoiceOf(mode: Pick<Mode, 'id' | 'name' | 'source'> & { theme: { font?: TypeVoice } }): TypeVoice {
  if (mode.theme.font) return mode.theme.font;
  if (mode.source === 'builtin' && BUILTIN_VOICES[mode.id]) return BUILTIN_VOICES[mode.id]!;
  return typeVoiceForIndustry(mode.name);
}
