import { BadRequest } from '../errors';
import { firstInstructionIndex, instructionFindings } from './injection';

export const INDUSTRY_MAX_CHARS = 60;
export const INDUSTRY_MAX_WORDS = 6;
export const COMPANY_MAX_CHARS = 40;
export const COMPANY_MAX_WORDS = 5;

export interface SanitizedPhrase {
  value: string;
  /** Names of what was found and removed (instruction patterns, markup …); logged, never echoed. */
  flags: string[];
}

export interface SanitizedModeRequest {
  industry: string;
  companyName: string | null;
  flags: string[];
}

// Control, zero-width and bidi characters: invisible text is a classic way to smuggle instructions.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole purpose
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/g;
// After a direction override the text reads differently than it is stored: nothing after one is kept.
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;
// A sentence break after a real word ("bank. Also…"), but not after initials or "St."/"Dr.".
const SENTENCE_BREAK = /(?<=\p{L}{4,})\.\s+|[!?;|\n\r]/u;
const DISALLOWED = /[^\p{L}\p{N} &'’.-]+/gu;
const DANGLING = /(?:[\s,.&'’-]|\b(?:also|and|then|but|please|now|ok|okay|so|plus|with|or|instead)\b)+$/i;

/**
 * Reduces free text to a short, plain name: invisible characters dropped, everything from the first
 * instruction-like phrase or sentence break on cut off, URLs/markup/code characters removed, and
 * capped in words and characters. What is left either reads as a name or is empty.
 */
export function sanitizePhrase(raw: string, maxChars: number, maxWords: number): SanitizedPhrase {
  const flags = new Set<string>();
  const normalized = raw.normalize('NFKC');
  const [visible = ''] = normalized.split(BIDI_OVERRIDE);
  let text = visible.replace(INVISIBLE, ' ');
  if (text !== normalized) flags.add('invisible-characters');
  for (const f of instructionFindings(text)) flags.add(f);
  const cut = firstInstructionIndex(text);
  if (cut >= 0) text = text.slice(0, cut);
  const [firstSentence = ''] = text.split(SENTENCE_BREAK);
  if (firstSentence.length < text.trim().length) flags.add('extra-sentences');
  text = firstSentence.replace(DISALLOWED, ' ').replace(/\s+/g, ' ').trim().replace(DANGLING, '').trim();
  const words = text.split(' ').filter(Boolean);
  if (words.length > maxWords) flags.add('too-long');
  text = words.slice(0, maxWords).join(' ');
  while (text.length > maxChars) text = text.slice(0, text.lastIndexOf(' ') > 0 ? text.lastIndexOf(' ') : maxChars);
  text = text.replace(DANGLING, '').trim();
  // Whatever survived must read as a name: at least one letter and nothing instruction-like left.
  if (!/\p{L}/u.test(text) || instructionFindings(text).length > 0) {
    flags.add('unusable');
    text = '';
  }
  return { value: text, flags: [...flags] };
}

/**
 * The one gate every mode request passes (chat tool, voice tool and POST /api/modes) before the
 * words are used as a key, stored or shown to a generator. A leading article is dropped from the
 * industry ("a food bank" → "food bank") so both spellings share one mode.
 */
export function sanitizeModeRequest(input: { industry: string; companyName?: string | null }): SanitizedModeRequest {
  const industry = sanitizePhrase(input.industry, INDUSTRY_MAX_CHARS + 8, INDUSTRY_MAX_WORDS + 1);
  const value = industry.value.replace(/^(?:an?|the|my|our)\s+/i, '');
  const trimmed = sanitizePhrase(value, INDUSTRY_MAX_CHARS, INDUSTRY_MAX_WORDS).value;
  if (trimmed.length < 2) {
    throw new BadRequest(
      'Please name the industry in a few plain words, for example "veterinary clinic".',
      'unusable_industry',
    );
  }
  const company = input.companyName
    ? sanitizePhrase(input.companyName, COMPANY_MAX_CHARS, COMPANY_MAX_WORDS)
    : undefined;
  return {
    industry: trimmed,
    companyName: company?.value || null,
    flags: [...industry.flags, ...(company?.flags.map((f) => `company:${f}`) ?? [])],
  };
}
