import { BUILTIN_MODE_IDS, type BuiltinModeId } from '../../contracts/mode';
import { getBuiltinMode } from '../../domain/modes/catalog';
import { foodBank, veterinary } from './families/care';
import { library, nonProfit, publicSector } from './families/civic';
import { carDealer, homeServices, logistics, salon, telecom } from './families/commerce';
import { bloodBank, dental, pharmacy } from './families/health';
import { accounting, lawFirm, realEstate } from './families/professional';
import { fitness, hotel, restaurant, school } from './families/everyday';
import type { Family } from './families/family';
import { draftFromMode } from './families/from-builtin';
import { maker, services, venue } from './families/generic';
import { builtinFor } from '../../domain/modes/industry-phrases';
import { findBrand } from './brands';

/** Families matched by words, most specific phrases winning; `services` is the fallback. */
export const FAMILIES: readonly Family[] = [
  veterinary,
  foodBank,
  bloodBank,
  dental,
  pharmacy,
  lawFirm,
  accounting,
  realEstate,
  publicSector,
  library,
  nonProfit,
  carDealer,
  logistics,
  telecom,
  salon,
  homeServices,
  restaurant,
  hotel,
  fitness,
  school,
  venue,
  maker,
];

function builtinFamily(id: BuiltinModeId): Family {
  const mode = getBuiltinMode(id)!;
  return { id: `builtin:${id}`, keywords: [], draft: () => draftFromMode(mode) };
}

function contains(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `) || ` ${text} `.includes(` ${phrase}s `);
}

/**
 * The family for an industry phrase: a pre-built industry by its whole-phrase synonyms (the same
 * table the offline chat engine uses, so "food bank" never matches "bank"), else the family with
 * the longest keyword found in the words, else the generic service-firm archetype.
 */
export function familyFor(industry: string): Family {
  const words = industry
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const builtin =
    builtinFor(words) ??
    ((BUILTIN_MODE_IDS as readonly string[]).find((id) => id === words) as BuiltinModeId | undefined);
  if (builtin) return builtinFamily(builtin);
  let best: { family: Family; length: number } | undefined;
  for (const family of FAMILIES) {
    if (family.notWith?.some((w) => contains(words, w))) continue;
    for (const keyword of family.keywords) {
      if (contains(words, keyword) && keyword.length > (best?.length ?? 0)) best = { family, length: keyword.length };
    }
  }
  return best?.family ?? services;
}

export function familyForBuiltin(id: BuiltinModeId): Family {
  return builtinFamily(id);
}

/** Whether words name an industry the engine knows: a pre-built mode, a brand, or an industry family. */
export function isKnownIndustry(industry: string): boolean {
  if (builtinFor(industry) || findBrand(industry)) return true;
  return familyFor(industry) !== services;
}
