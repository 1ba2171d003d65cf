import type { BuiltinModeId } from '../../contracts/mode';
import { builtinFor } from '../../domain/modes/industry-phrases';
import { findBrand } from './brands';

export interface SwitchCommand {
  industry: string;
  builtin: BuiltinModeId | null;
  companyName: string | null;
}

/**
 * "Presto-Change-O" however it is typed: "presto change-o", "presto chango", "hey presto",
 * "presto changeo". Removed before the rest of the message is read as a command.
 */
const MAGIC = /\b(?:hey\s+|ok(?:ay)?\s+)?presto\b(?:[\s,:;!.-]*chang(?:e|ey|ie|o)?(?:[\s-]*o)?\b)?/i;

/** Polite lead-ins that do not change the meaning ("please", "can you", "I want you to"). */
const LEAD =
  /^(?:(?:please|pls|now|ok|okay|alright|right|so|and|then|hey|go on|come on|quick|quickly)[\s,]+|(?:can|could|would|will)\s+you\s+(?:please\s+)?|(?:i\s+want|i'd\s+like|id\s+like|i\s+would\s+like|i\s+need)\s+you\s+to\s+|why\s+don'?t\s+you\s+|let'?s\s+(?:have\s+you\s+)?|time\s+to\s+|how\s+about\s+you\s+)+/i;

/** Verbs that only ever mean "change what you are". */
const SURE_VERB =
  /^(?:make\s+yourself(?:\s+into)?|turn\s+yourself\s+into|transform\s+(?:yourself\s+)?into|change\s+(?:yourself\s+)?into|morph\s+into|switch\s+(?:yourself\s+)?(?:in)?to|act\s+(?:as|like)|pretend\s+(?:to\s+be|you(?:'|’)?re|you\s+are)|you(?:'|’)?re\s+now|you\s+are\s+now|now\s+you(?:'|’)?re|now\s+you\s+are|from\s+now\s+on\s+you(?:'|’)?re|play|roleplay\s+as|be\s+like)\s+/i;

/** Verbs that can also be ordinary talk ("you're a star"): a command only with a known industry. */
const MAYBE_VERB = /^(?:you(?:'|’)?re|youre|you\s+are|ur|be|become|turn\s+into|you(?:'|’)?ll\s+be|you\s+will\s+be)\s+/i;

/** "switch to the retail mode", "insurance mode please". */
const MODE_WORD = /^(?:(?:switch|change|go|flip)\s+(?:over\s+)?(?:back\s+)?to\s+)?(?:the\s+)?(.+?)\s+mode\b/i;

/** A company name given anywhere: "called Acme", "named Acme", "call yourself Acme", "your name is Acme". */
const NAMED =
  /[\s,]+(?:called|named|known\s+as|by\s+the\s+name(?:\s+of)?|and\s+call\s+yourself|call\s+yourself|your\s+name\s+is|with\s+the\s+name)\s+["“]?([^"”,.!?;]+?)["”]?(?=\s*(?:[,.!?;]|$|\s+(?:please|now|thanks)\b))/i;

const TRAILING =
  /(?:[\s,]+(?:please|pls|now|for\s+me|for\s+a\s+while|for\s+the\s+demo|today|instead|again|thanks|thank\s+you|ok|okay|then))+$/i;

/** Words the rest of the sentence may open with ("a", "an", "my") and that are no part of the industry. */
const ARTICLE = /^(?:(?:a|an|the|some|my|our|one|kind\s+of|sort\s+of|like)\s+)+/i;

export interface IndustryKnowledge {
  /** Whether words name an industry the engine knows (a pre-built mode, a brand or an industry family). */
  isKnown(industry: string): boolean;
}

function clean(phrase: string): string {
  // Only the first clause names the industry: "you're a bank. Show me my savings", "…, and hurry".
  const first = phrase.split(/[.!?;](?:\s|$)|,\s*(?:and|then|so|now|but)\s/i)[0] ?? '';
  return first
    .replace(/[\s.!?;:,]+$/g, '')
    .replace(TRAILING, '')
    .replace(/[\s.!?;:,]+$/g, '')
    .replace(ARTICLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Acme Bank" said with capitals: the company is the whole name, the industry its last words. */
function capitalisedCompany(original: string): { company: string; industry: string } | null {
  // Shouting is not a name, and a qualified industry ("Car Insurance Company") is just the industry.
  if (original === original.toUpperCase() || builtinFor(original)) return null;
  const words = original.split(/\s+/);
  for (let tail = 1; tail <= Math.min(3, words.length - 1); tail++) {
    const industry = words.slice(-tail).join(' ');
    const head = words.slice(0, -tail);
    if (!builtinFor(industry)) continue;
    if (head.length && head.every((w) => /^[A-Z0-9&]/.test(w))) return { company: original, industry };
  }
  return null;
}

function commandFrom(phrase: string, company: string | null): SwitchCommand | null {
  const industry = clean(phrase).slice(0, 80);
  if (!industry || industry.split(' ').length > 8) return null;
  // "you're Wells Fargo": a model knows that is a bank called Wells Fargo; so does the offline engine.
  const brand = company ? undefined : findBrand(industry);
  if (brand) return { industry: brand.industry, builtin: brand.builtin, companyName: brand.name };
  const named = company ? null : capitalisedCompany(industry);
  if (named)
    return { industry: named.industry.toLowerCase(), builtin: builtinFor(named.industry), companyName: named.company };
  const lower = industry.toLowerCase();
  return { industry: lower, builtin: builtinFor(lower), companyName: company };
}

/**
 * Reads a mode command: "Presto-Change-O, you're a bank", "make yourself a hotel", "presto chango:
 * be an insurer called Acme", "please turn into Wells Fargo". With the magic words any change verb
 * (or a bare industry) counts; without them a verb that only means "change" counts, and an
 * everyday one ("you're a …", "be a …") only when it names an industry the engine knows, so
 * "you're a star" stays conversation.
 */
export function switchCommand(text: string, known: IndustryKnowledge): SwitchCommand | null {
  const magic = MAGIC.test(text);
  let rest = text
    .replace(MAGIC, ' ')
    .replace(/^[\s,:;!.\-–—]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  let company: string | null = null;
  const named = NAMED.exec(rest);
  if (named?.[1]) {
    company = named[1].trim().slice(0, 60) || null;
    rest = (rest.slice(0, named.index) + rest.slice(named.index + named[0].length)).trim();
  }
  rest = rest.replace(LEAD, '').trim();

  const mode = MODE_WORD.exec(rest);
  if (mode?.[1] && mode[0].length >= rest.replace(TRAILING, '').replace(/[.!?]+$/, '').length - 1) {
    const cmd = commandFrom(mode[1], company);
    return cmd && (magic || known.isKnown(cmd.industry)) ? cmd : null;
  }
  const sure = SURE_VERB.exec(rest);
  if (sure) return commandFrom(rest.slice(sure[0].length), company);
  const maybe = MAYBE_VERB.exec(rest);
  if (maybe) {
    const cmd = commandFrom(rest.slice(maybe[0].length), company);
    // Without the magic words an adjective is not an industry: "you're a great help", "be a good bot".
    const branded = cmd?.companyName ? findBrand(cmd.companyName) : undefined;
    return cmd && (magic || cmd.builtin || branded || known.isKnown(cmd.industry)) ? cmd : null;
  }
  // "Presto-Change-O: a bakery", "presto chango, Wells Fargo!": the magic words and a bare name.
  if (
    magic &&
    rest &&
    rest.split(/\s+/).length <= 5 &&
    !/^(?:what|why|how|who|when|where|that|this|it)\b|\b(?:is|are|was|were|am|means?|does|did|do|isn't|i|my|me)\b/i.test(
      rest,
    )
  ) {
    const cmd = commandFrom(rest, company);
    if (cmd && (known.isKnown(cmd.industry) || /^(?:an?|the)\s/i.test(rest))) return cmd;
  }
  return null;
}
