import type { RegExpMatcher } from 'obscenity';
import type { Mode } from '../../contracts/mode';

/**
 * Real names the English word list would otherwise refuse: a retailer, a town, an author and a
 * mushroom whose names contain a listed word (found by the unit test's false-positive cases). ("Scunthorpe", "Bass Pro" and "Cockburn" already pass: the list matches
 * whole words and known variants, not bare substrings.)
 */
const ALLOWED_NAMES = ["dick's", 'penistone', 'dickens', 'shiitake'];

/**
 * obscenity's maintained English list, with its transformers (leet speak "sh1t", confusable
 * letters, repeated characters): https://github.com/jo3-l/obscenity. Loaded and built once per process,
 * on first use: the package's own import (its patterns are parsed as it loads) and compiling the list
 * are CPU that a cold start never needs, only the first gallery check.
 */
let matcher: Promise<RegExpMatcher> | undefined;
function listMatcher(): Promise<RegExpMatcher> {
  matcher ??= import('obscenity').then(({ englishDataset, englishRecommendedTransformers, RegExpMatcher }) => {
    const dataset = englishDataset.build();
    return new RegExpMatcher({
      ...dataset,
      ...englishRecommendedTransformers,
      whitelistedTerms: [...(dataset.whitelistedTerms ?? []), ...ALLOWED_NAMES],
    });
  });
  return matcher;
}

/** Whether a text contains a profane or abusive word from the list. */
export const isAbusive = async (text: string): Promise<boolean> => (await listMatcher()).hasMatch(text);

/** Every word of a mode another visitor would read in the gallery or once they open it. */
export function visibleTexts(mode: Mode): { field: string; text: string }[] {
  return [
    { field: 'name', text: mode.name },
    { field: 'companyName', text: mode.companyName },
    { field: 'tagline', text: mode.tagline },
    { field: 'welcome', text: mode.welcome },
    ...mode.tabs.map((t, i) => ({ field: `tabs[${i}].label`, text: t.label })),
    ...mode.metrics.map((m, i) => ({ field: `metrics[${i}].label`, text: m.label })),
    ...mode.datasets.map((d, i) => ({ field: `datasets[${i}].label`, text: d.label })),
    ...(mode.lists ?? []).map((l, i) => ({ field: `lists[${i}].title`, text: l.title })),
    ...(mode.actions ?? []).map((a, i) => ({ field: `actions[${i}].label`, text: a.label })),
    { field: 'persona.role', text: mode.persona.role },
    ...mode.vocabulary.map((v, i) => ({ field: `vocabulary[${i}]`, text: v })),
  ];
}

export type ModerationVerdict = { moderation: 'approved' } | { moderation: 'refused'; reason: string };

/**
 * The gallery's automatic check of a stored generated mode. On Azure the generation call was
 * already screened by the content filter (a filtered design never gets stored); this is the
 * offline check and the second line there. The reason names the field, never the word.
 */
export async function moderateMode(mode: Mode): Promise<ModerationVerdict> {
  const list = await listMatcher();
  const hit = visibleTexts(mode).find(({ text }) => list.hasMatch(text));
  return hit
    ? { moderation: 'refused', reason: `The word list matched a word in ${hit.field}.` }
    : { moderation: 'approved' };
}
