import type { TypeVoice } from '../../../../api/contracts/mode';

/**
 * The heading face of each typographic voice (issue #14), bundled from @fontsource (latin subset,
 * weight 600 only: web/src/features/modes/fonts.ts), then a metric-matched fallback face and
 * system faces of the same build, so text is readable at once and does not reflow when the
 * bundled face arrives.
 */
export const HEADING_FACES: Record<TypeVoice, string> = {
  sober: 'IBM Plex Sans',
  humanist: 'Source Sans 3',
  geometric: 'Outfit',
  serif: 'Source Serif 4',
};

const SYSTEM: Record<TypeVoice, string> = {
  sober: "'Segoe UI', Arial, 'Liberation Sans', sans-serif",
  humanist: "'Segoe UI', Candara, Arial, 'Liberation Sans', sans-serif",
  geometric: "'Century Gothic', Futura, Avenir, Arial, 'Liberation Sans', sans-serif",
  serif: "'Times New Roman', 'Liberation Serif', Georgia, serif",
};

export const HEADING_STACKS: Record<TypeVoice, string> = Object.fromEntries(
  (Object.keys(HEADING_FACES) as TypeVoice[]).map((v) => [
    v,
    `'${HEADING_FACES[v]}', '${HEADING_FACES[v]} Fallback', ${SYSTEM[v]}`,
  ]),
) as Record<TypeVoice, string>;
