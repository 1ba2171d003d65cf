/**
 * A family's typographic voice (issue #14): the heading face of a finance, care, leisure or
 * civic/professional brand. Its own module without zod, so the SPA's entry can name the voices (to
 * load their faces at idle) without bundling the schema library (`npm run bench`, initial JS).
 */
export const TYPE_VOICES = ['sober', 'humanist', 'geometric', 'serif'] as const;
