import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { BUILTIN_MODE_IDS } from '../../../contracts/mode';

/** Slug budgets so `industry--company` always fits the 48-character mode id. */
export const INDUSTRY_SLUG_MAX = 26;
export const COMPANY_SLUG_MAX = 20;
/** Separates industry and company in a key; never produced inside a slug, so variants can't collide with bases. */
export const VARIANT_SEPARATOR = '--';

/**
 * Lower-case ASCII words joined by single dashes, accents folded ("Café Noël" → "cafe-noel"),
 * cut at a word boundary within `max` characters. A name with no Latin letter or digit at all
 * ("銀行", "Ωμέγα") gets `u-` and 12 hex digits of its SHA-256 instead, so
 * it still has a key of its own — never the empty key, which named no job and no mode.
 */
export function slugify(text: string, max = 48): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  if (slug || words.length) return slug || (words[0] ?? '').slice(0, max);
  const letters = text.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
  return letters ? `u-${bytesToHex(sha256(utf8ToBytes(letters))).slice(0, 12)}`.slice(0, max) : '';
}

/**
 * The storage key of a mode: `slug(industry)` for a base mode, `slug(industry)--slug(company)` for a
 * company variant, so a variant ("bank--wells-fargo") is stored beside, never over, its base
 * ("bank"). Both are valid mode ids (contracts/common Slug).
 */
export function modeKey(industry: string, companyName: string | null): string {
  const base = slugify(industry, INDUSTRY_SLUG_MAX);
  const company = companyName ? slugify(companyName, COMPANY_SLUG_MAX) : '';
  return company ? `${base}${VARIANT_SEPARATOR}${company}` : base;
}

/** Generated modes may never take a pre-built id: those belong to the code, not to Blob. */
export function isBuiltinId(key: string): boolean {
  return (BUILTIN_MODE_IDS as readonly string[]).includes(key);
}
