import {
  COMPANY_NAME_MAX,
  GeneratedModeDraft,
  INDUSTRY_NAME_MAX,
  NAME_CHARS,
  PLAIN_PUNCTUATION,
  VOCABULARY_WORD_MAX,
} from '../../../contracts/generated-mode';
import { JobBrand } from '../../../contracts/jobs';
import { Mode } from '../../../contracts/mode';
import type { z } from 'zod';
import { BadRequest } from '../../errors';
import { outputFindings } from '../../guard/injection';
import { sanitizeModeRequest, type SanitizedModeRequest } from '../../guard/sanitize';

/**
 * Words that passed the sanitiser but can still never become a valid mode are refused before any
 * job starts, instead of being accepted (202) and failing validation on every retry: the requested
 * company is put verbatim into the draft, the brand and the stored mode (build-mode.ts), and the
 * offline designer also uses the industry's words as the mode's name and vocabulary. So each is held
 * here to the very schemas and output scan the finished mode must pass — one set of rules, two
 * moments. The reason names the field and says what would fix it; it never repeats the words.
 */

const NAME_CHAR = new RegExp(`[${NAME_CHARS}]`, 'gu');
const STARTS_WITH_NAME_CHAR = new RegExp(`^[${NAME_CHARS}]`, 'u');
const PLAIN = new RegExp(`^[${NAME_CHARS} ${PLAIN_PUNCTUATION}]*$`, 'u');

/** Why `text` fails the schemas, in words a person can act on (the schemas themselves decide). */
function explain(what: string, text: string, max: number): string {
  if ((text.match(NAME_CHAR) ?? []).length < 2) return `${what} needs at least two letters or digits`;
  if (!STARTS_WITH_NAME_CHAR.test(text)) return `${what} must start with a letter or digit`;
  if (text.length > max) return `${what} must be at most ${max} characters`;
  if (!PLAIN.test(text))
    return `${what} may use only letters, digits, spaces and ${PLAIN_PUNCTUATION.split('').join(' ')}`;
  return `${what} cannot be shown in a mode as written`;
}

const passes = (text: string, schemas: z.ZodType[]) => schemas.every((s) => s.safeParse(text).success);

/** The schemas a requested company lands in verbatim: the draft, the brand on the job, the stored mode. */
const COMPANY_SCHEMAS = [GeneratedModeDraft.shape.companyName, JobBrand.shape.companyName, Mode.shape.companyName];
/** The offline designer's mode name is the industry (title-cased), its vocabulary the industry and its longer words. */
const INDUSTRY_SCHEMAS = [GeneratedModeDraft.shape.industryName, JobBrand.shape.name, Mode.shape.name];
const WORD_SCHEMAS = [GeneratedModeDraft.shape.vocabulary.element];

/** The field and the reason a sanitised request can never make a valid mode, or undefined when it can. */
export function undesignableReason(request: {
  industry: string;
  companyName: string | null;
}): { field: 'industry' | 'companyName'; code: string; message: string } | undefined {
  const { industry, companyName } = request;
  if (companyName !== null) {
    const fix = 'for example "Acme Federal"';
    if (!passes(companyName, COMPANY_SCHEMAS))
      return company(`${explain('a company name', companyName, COMPANY_NAME_MAX)}, ${fix}`);
    if (outputFindings(companyName).length)
      return company(`a company name must not read like an instruction to the assistant, ${fix}`);
  }
  const fix = 'for example "veterinary clinic"';
  // In any letter case: a designer lower- and title-cases it, and a few letters change case to a
  // letter plus a combining mark ("ᾷ" → "Α͂Ι", "İ" → "i̇"), which plain text does not allow.
  const cases = [industry, industry.toUpperCase(), industry.toLowerCase()];
  for (const name of cases.map((s) => s.slice(0, INDUSTRY_NAME_MAX)))
    if (!passes(name, INDUSTRY_SCHEMAS)) return trade(`${explain('an industry', name, INDUSTRY_NAME_MAX)}, ${fix}`);
  const lower = industry.toLowerCase();
  const words = [lower.slice(0, VOCABULARY_WORD_MAX), ...lower.split(' ').filter((w) => w.length > 2)];
  const word = words.find((w) => !passes(w, WORD_SCHEMAS));
  if (word !== undefined) return trade(`${explain('each word of an industry', word, VOCABULARY_WORD_MAX)}, ${fix}`);
  if (outputFindings(industry).length)
    return trade(`an industry must not read like an instruction to the assistant, ${fix}`);
  return undefined;
}

const company = (message: string) => ({ field: 'companyName' as const, code: 'unusable_company', message });
const trade = (message: string) => ({ field: 'industry' as const, code: 'unusable_industry', message });

/**
 * The one gate before a mode request is keyed, stored or designed (POST /api/modes, the chat and
 * voice switch_mode tool, the speculative brand call): sanitised, then refused with a 400 naming
 * the field when no generator could make a valid mode of it.
 */
export function designableRequest(input: { industry: string; companyName?: string | null }): SanitizedModeRequest {
  const sanitized = sanitizeModeRequest(input);
  const reason = undesignableReason(sanitized);
  if (reason) throw new UndesignableRequest(reason.field, `${capitalised(reason.message)}.`, reason.code);
  return sanitized;
}

/** A 400 whose message names the field (`companyName: …`), like the contract's; `sentence` is the reason alone. */
export class UndesignableRequest extends BadRequest {
  constructor(
    readonly field: 'industry' | 'companyName',
    readonly sentence: string,
    code: string,
  ) {
    super(`${field}: ${sentence}`, code);
  }
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
