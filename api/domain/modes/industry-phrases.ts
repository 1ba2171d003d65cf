import type { BuiltinModeId } from '../../contracts/mode';

/**
 * Whole-phrase synonyms for the pre-built modes. The engine compares the *entire* requested
 * industry phrase, so "food bank" or "veterinary clinic" never fall into banking or healthcare.
 */
const INDUSTRY_PHRASES: Record<BuiltinModeId, string[]> = {
  banking: ['bank', 'banking', 'banker', 'retail bank', 'credit union', 'banking app', 'bank account'],
  insurance: [
    'insurer',
    'insurance',
    'insurance company',
    'insurance provider',
    'insurance agency',
    'insurance carrier',
  ],
  healthcare: [
    'hospital',
    'healthcare',
    'health care',
    'healthcare provider',
    'health system',
    'medical center',
    'health plan',
    'health insurer',
    'health insurance',
    'health insurance company',
    'health insurance provider',
    'doctor',
    'doctors office',
    'clinic',
    'medical clinic',
  ],
  retail: [
    'retailer',
    'retail',
    'store',
    'shop',
    'retail store',
    'department store',
    'online store',
    'online shop',
    'ecommerce',
    'e-commerce',
  ],
  airline: ['airline', 'air carrier', 'carrier', 'airways', 'air line', 'flight company'],
  energy: [
    'utility',
    'utility company',
    'energy',
    'energy company',
    'energy provider',
    'power company',
    'electric company',
    'electricity provider',
    'power utility',
  ],
};

/**
 * Words that narrow an industry without changing it: a "car insurance company" is still the insurer,
 * an "online bank" still the bank. Only these, and only in front of a phrase above, so "food bank"
 * and "blood bank" stay their own industries.
 */
const QUALIFIERS: Record<BuiltinModeId, string[]> = {
  banking: ['retail', 'online', 'digital', 'commercial', 'community', 'savings', 'local', 'national', 'mobile'],
  insurance: [
    'car',
    'auto',
    'automobile',
    'motor',
    'vehicle',
    'home',
    'homeowners',
    'house',
    'property',
    'life',
    'renters',
    'travel',
    'general',
    'property and casualty',
  ],
  healthcare: ['medical', 'family', 'general', 'community', 'local', 'health'],
  retail: ['clothing', 'fashion', 'department', 'general', 'big box', 'discount', 'convenience', 'local', 'online'],
  airline: ['budget', 'low cost', 'low-cost', 'regional', 'international', 'national', 'commercial', 'passenger'],
  energy: ['electric', 'electricity', 'power', 'gas', 'green', 'solar', 'renewable', 'local', 'public'],
};
const GENERIC = [
  'big',
  'small',
  'large',
  'modern',
  'friendly',
  'new',
  'major',
  'leading',
  'typical',
  'normal',
  'fancy',
];

function normalizePhrase(industry: string): string {
  return industry
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[^a-z\s-]/g, '')
    .trim();
}

/** The pre-built mode whose synonyms contain the whole phrase ("bank" → banking; "food bank" → none). */
export function builtinFor(industry: string): BuiltinModeId | null {
  const key = normalizePhrase(industry);
  const entries = Object.entries(INDUSTRY_PHRASES) as [BuiltinModeId, string[]][];
  for (const [id, phrases] of entries) {
    if (phrases.includes(key)) return id;
  }
  for (const [id, phrases] of entries) {
    const allowed = [...QUALIFIERS[id], ...GENERIC];
    let rest = key;
    for (let changed = true; changed;) {
      changed = false;
      for (const q of allowed) {
        if (rest.startsWith(`${q} `)) {
          rest = rest.slice(q.length + 1);
          changed = true;
        }
      }
    }
    if (rest !== key && phrases.includes(rest)) return id;
  }
  return null;
}
