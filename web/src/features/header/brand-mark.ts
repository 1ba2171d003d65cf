import type { IconName, Mode, TypeVoice } from '../../../../api/contracts/mode';
import { typeVoiceOf } from '../../../../api/contracts/type-voice';
import { contrastRatio, textOn } from '../../lib/contrast';
import { ICON_PATHS } from '../../lib/icon-paths';
import { HEADING_STACKS } from '../modes/font-stacks';

/** Two initials for a brand tile ("Harborstone Bank" → "HB"). */
export function monogram(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? '')).toUpperCase() || '•';
}

/** What a mark is drawn from: enough of a Mode (or of a transition's look) to know the brand. */
export interface MarkSubject {
  id: string;
  name: string;
  companyName: string;
  source?: Mode['source'];
  theme: { primary: string; onPrimary: string; font?: TypeVoice };
  /** The first tab's icon: the glyph when the industry's words name nothing the icon table knows. */
  firstIcon?: IconName;
}

/**
 * The art of a brand mark. Today it is always drawn here (`drawn`); with an image model configured a
 * generated mark could arrive as `image` (a same-origin URL) and the header shows it instead. That
 * generation is not built: this union is the seam it plugs into.
 */
export type MarkArt = { kind: 'drawn'; svg: string } | { kind: 'image'; src: string };

/** The pre-built industries' glyphs, by id (a company variant "banking--acme" keeps its industry's). */
const BUILTIN_GLYPHS: Record<string, IconName> = {
  banking: 'bank',
  insurance: 'shield',
  healthcare: 'stethoscope',
  retail: 'bag',
  airline: 'plane',
  energy: 'bolt',
};

/**
 * Glyphs for industries a generated mode may name, by a word of its industry name; the earliest
 * word wins ("pet pharmacy" is a pet's). Anything else takes its first tab's icon, which the API
 * has already fitted to that tab's meaning.
 */
const INDUSTRY_GLYPHS: ReadonlyArray<readonly [string, IconName]> = [
  ['food', 'utensils'],
  ['blood', 'drop'],
  ['veterinary', 'paw'],
  ['vet', 'paw'],
  ['pet', 'paw'],
  ['dental', 'tooth'],
  ['dentist', 'tooth'],
  ['orthodontist', 'tooth'],
  ['pharmacy', 'pill'],
  ['clinic', 'stethoscope'],
  ['hospital', 'stethoscope'],
  ['law', 'scale'],
  ['legal', 'scale'],
  ['accounting', 'receipt'],
  ['tax', 'receipt'],
  ['real', 'key'],
  ['library', 'book'],
  ['school', 'cap'],
  ['university', 'cap'],
  ['college', 'cap'],
  ['city', 'building'],
  ['council', 'building'],
  ['government', 'building'],
  ['public', 'building'],
  ['charity', 'gift'],
  ['nonprofit', 'gift'],
  ['non-profit', 'gift'],
  ['restaurant', 'utensils'],
  ['pizzeria', 'utensils'],
  ['cafe', 'utensils'],
  ['bakery', 'utensils'],
  ['hotel', 'bed'],
  ['resort', 'bed'],
  ['gym', 'dumbbell'],
  ['fitness', 'dumbbell'],
  ['salon', 'scissors'],
  ['barber', 'scissors'],
  ['car', 'car'],
  ['logistics', 'truck'],
  ['courier', 'truck'],
  ['telecom', 'signal'],
  ['wireless', 'signal'],
  ['plumbing', 'wrench'],
  ['hvac', 'wrench'],
  ['travel', 'globe'],
  ['airline', 'plane'],
  ['bank', 'bank'],
  ['banking', 'bank'],
  ['credit', 'bank'],
  ['insurance', 'shield'],
  ['insurer', 'shield'],
  ['energy', 'bolt'],
  ['utility', 'bolt'],
  ['solar', 'sun'],
  ['retail', 'bag'],
  ['boutique', 'bag'],
  ['store', 'bag'],
  ['shop', 'bag'],
  ['museum', 'ticket'],
  ['theater', 'ticket'],
  ['cinema', 'ticket'],
];

/** Tile outlines on a 64-unit grid, one per family of industries, so a bank never looks like a clinic. */
const TILES: Record<TypeVoice, string> = {
  // Finance and utilities: a firm rounded square.
  sober: 'M14 3h36a11 11 0 0111 11v36a11 11 0 01-11 11H14A11 11 0 013 50V14A11 11 0 0114 3z',
  // Health and care: a circle.
  humanist: 'M32 3a29 29 0 110 58 29 29 0 010-58z',
  // Travel, retail and leisure: a leaf (two round corners, two tight).
  geometric: 'M27 3h23a11 11 0 0111 11v23a24 24 0 01-24 24H14A11 11 0 013 50V27A24 24 0 0127 3z',
  // Civic and professional: a crest.
  serif: 'M6 4h52v28c0 14.5-11.5 23.5-26 29C17.5 55.5 6 46.5 6 32z',
};

/** FNV-1a: a stable 32-bit hash, so the same company always gets the same mark. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The industry glyph of a mark: the pre-built industry's, else its industry name's, else its first tab's. */
export function markGlyph(subject: MarkSubject): IconName {
  const builtin = BUILTIN_GLYPHS[subject.id.split('--')[0]!];
  if (builtin) return builtin;
  const words = subject.name.toLowerCase().split(/[^\p{L}\p{N}-]+/u);
  for (const word of words) {
    const hit = INDUSTRY_GLYPHS.find(([w]) => w === word || `${w}s` === word);
    if (hit) return hit[1];
  }
  return subject.firstIcon ?? 'briefcase';
}

/**
 * Foreground and tile colours with the glyph at ≥ 3:1 on its badge (WCAG 1.4.11 non-text contrast,
 * https://www.w3.org/WAI/WCAG22/Understanding/non-text-contrast.html). A mode's theme already
 * guarantees 4.5:1 for onPrimary on primary; a look known only by its primary colour is checked here.
 */
export function markColours(subject: MarkSubject): { tile: string; ink: string } {
  const tile = subject.theme.primary.toLowerCase();
  const ink = subject.theme.onPrimary.toLowerCase();
  return { tile, ink: contrastRatio(ink, tile) >= 3 ? ink : textOn(tile) };
}

/** One of four per-company details, from the company's name and the mode's id. */
function ornament(variant: number, voice: TypeVoice, ink: string): string {
  switch (variant) {
    case 1: // an inner keyline following the tile's outline
      return `<path d="${TILES[voice]}" transform="translate(6.4 6.4) scale(.8)" fill="none" stroke="${ink}" stroke-opacity=".45" stroke-width="1.6"/>`;
    case 2: // a rule under the initials
      return `<rect x="14" y="43" width="19" height="2.6" rx="1.3" fill="${ink}" fill-opacity=".7"/>`;
    case 3: // three dots in the upper corner
      return [0, 1, 2]
        .map((i) => `<circle cx="${42 + i * 5}" cy="13" r="1.6" fill="${ink}" fill-opacity=".7"/>`)
        .join('');
    default: // the plain tile
      return '';
  }
}

/**
 * A brand mark as an SVG document: the family's tile, the company's initials in its heading face
 * and an industry glyph on a badge, in the brand's two colours. `favicon` drops the initials
 * (unreadable at 16 px) and draws the glyph large on a tile of the brand colour instead. Decorative where shown beside the company's name (aria-hidden, no title);
 * the favicon, which stands alone, carries the name as its title.
 */
export function brandMarkSvg(subject: MarkSubject, variant: 'header' | 'favicon' = 'header'): string {
  const voice = typeVoiceOf({
    id: subject.id,
    name: subject.name,
    source: subject.source ?? 'generated',
    theme: subject.theme,
  });
  const { tile, ink } = markColours(subject);
  const glyph = ICON_PATHS[markGlyph(subject)];
  const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">`;
  const stroke = 'fill="none" stroke-linecap="round" stroke-linejoin="round"';
  if (variant === 'favicon') {
    // In a browser tab the brand colour is the tile, and the glyph is drawn large in the ink.
    return (
      `${head}<title>${escapeXml(subject.companyName)}</title><path d="${TILES[voice]}" fill="${tile}"/>` +
      `<g transform="translate(12 12) scale(1.6667)" ${stroke} stroke="${ink}" stroke-width="2"><path d="${glyph}"/></g></svg>`
    );
  }
  // In the header (already the brand colour) the tile is the ink, the initials and badge the brand colour.
  const letters = monogram(subject.companyName);
  const size = letters.length > 1 ? 26 : 33;
  const text =
    `<text x="28" y="29" text-anchor="middle" dominant-baseline="central" font-family="${escapeXml(HEADING_STACKS[voice])}" ` +
    `font-weight="700" font-size="${size}" fill="${tile}">${escapeXml(letters)}</text>`;
  const badge =
    `<circle cx="48" cy="48" r="12.5" fill="${tile}" stroke="${ink}" stroke-width="2.5"/>` +
    `<g transform="translate(39.8 39.8) scale(.68)" ${stroke} stroke="${ink}" stroke-width="2.4"><path d="${glyph}"/></g>`;
  const seed = hash(`${subject.id}|${subject.companyName}`);
  return `${head}<path d="${TILES[voice]}" fill="${ink}"/>${ornament(seed % 4, voice, tile)}${text}${badge}</svg>`;
}

/** The mark of a whole Mode. */
export function markSubjectOf(mode: Mode): MarkSubject {
  return {
    id: mode.id,
    name: mode.name,
    companyName: mode.companyName,
    source: mode.source,
    theme: mode.theme,
    firstIcon: mode.tabs[0]?.icon,
  };
}

/** A mark as a `data:` URL (the favicon); the CSP allows `img-src data:`. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
