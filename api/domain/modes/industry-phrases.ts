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

/** The pre-built mode whose synonyms contain the whole phrase ("bank" → banking; "food bank" → none). */
export function builtinFor(industry: string): BuiltinModeId | null {
  const key = industry
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[^a-z\s-]/g, '')
    .trim();
  for (const [id, phrases] of Object.entries(INDUSTRY_PHRASES) as [BuiltinModeId, string[]][]) {
    if (phrases.includes(key)) return id;
  }
  return null;
}
