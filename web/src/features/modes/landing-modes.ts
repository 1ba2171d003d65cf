import type { ModeSummary } from '../../../../api/contracts/mode';

/** Generated modes worth showing first, when someone has made them; the rest wait behind "more". */
const SHOWCASE = ['veterinary-clinic--happy-paws', 'food-bank', 'banking--wells-fargo'];
export const CURATED_MAX = 3;

/**
 * The pre-built modes, then a curated few generated ones: the showcase ids first, then the rest in
 * the catalogue's order. Everyone's generated modes pile up in the catalogue; the landing stays short.
 */
export function landingModes(all: ModeSummary[]): {
  prebuilt: ModeSummary[];
  curated: ModeSummary[];
  more: ModeSummary[];
} {
  const generated = all.filter((m) => m.source === 'generated');
  const rank = (m: ModeSummary) => {
    const i = SHOWCASE.indexOf(m.id);
    return i < 0 ? SHOWCASE.length : i;
  };
  const ordered = generated
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
    .map(({ m }) => m);
  return {
    prebuilt: all.filter((m) => m.source === 'builtin'),
    curated: ordered.slice(0, CURATED_MAX),
    more: ordered.slice(CURATED_MAX),
  };
}
