import type { Theme } from '../contracts/mode';

/** Channels 0-255. */
export type Rgb = readonly [number, number, number];
/** Hue 0-360, saturation and lightness 0-1. */
export type Hsl = readonly [number, number, number];

/** WCAG AA for normal text; also used for the primary and secondary, which appear as links and labels. */
export const TEXT_CONTRAST = 4.5;
/** WCAG 1.4.11: chart lines and bars only need to stand out from the surface they are drawn on. */
export const GRAPHIC_CONTRAST = 3;

const WHITE = '#ffffff';
const NEAR_BLACK = '#111418';

/** Accepts #rgb or #rrggbb in any case; throws otherwise so a bad colour never reaches a theme. */
export function hexToRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) throw new Error(`Not a hex colour: ${hex}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** Always lower-case #rrggbb, the form HexColor in the contracts accepts. */
export function rgbToHex([r, g, b]: Rgb): string {
  const part = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

export function normalizeHex(hex: string): string {
  return rgbToHex(hexToRgb(hex));
}

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = hexToRgb(hex);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio, 1 to 21, symmetric in its arguments. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export function hexToHsl(hex: string): Hsl {
  const [r, g, b] = hexToRgb(hex).map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return [0, 0, l];
  const s = d / (1 - Math.abs(2 * l - 1));
  let h: number;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [(h * 60 + 360) % 360, Math.min(1, s), l];
}

export function hslToHex([h, s, l]: Hsl): string {
  const hue = ((h % 360) + 360) % 360;
  const sat = clamp01(s);
  const lig = clamp01(l);
  const c = (1 - Math.abs(2 * lig - 1)) * sat;
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lig - c / 2;
  const sector = Math.floor(hue / 60);
  const sectors: Array<[number, number, number]> = [
    [c, x, 0],
    [x, c, 0],
    [0, c, x],
    [0, x, c],
    [x, 0, c],
    [c, 0, x],
  ];
  const [r, g, b] = sectors[sector] ?? [c, 0, x];
  return rgbToHex([(r + m) * 255, (g + m) * 255, (b + m) * 255]);
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/**
 * Lowers HSL lightness (keeping hue and saturation, so the colour still reads as the brand's)
 * until it reaches `ratio` against every background. Checked on the rounded hex, which is what
 * ships. Black passes against any light background, so the loop always ends.
 */
export function darkenUntil(hex: string, backgrounds: readonly string[], ratio: number): string {
  const [h, s, l0] = hexToHsl(hex);
  let candidate = normalizeHex(hex);
  for (let l = l0; l > 0; l -= 0.005) {
    candidate = hslToHex([h, s, l]);
    if (backgrounds.every((bg) => contrastRatio(candidate, bg) >= ratio)) return candidate;
  }
  return '#000000';
}

/**
 * A full light theme from one brand colour. The brand colour is kept when it already passes,
 * otherwise darkened just enough; neutrals are tinted with its hue so the page feels on-brand.
 */
export function deriveTheme(primary: string, opts: { secondary?: string } = {}): Theme {
  const [h, s] = hexToHsl(primary);
  const tint = Math.min(s, 0.45);
  const background = hslToHex([h, tint, 0.975]);
  const surface = hslToHex([h, Math.min(s, 0.3), 0.997]);
  const bgs = [background, surface];

  const brand = darkenUntil(primary, bgs, TEXT_CONTRAST);
  const onPrimary = contrastRatio(WHITE, brand) >= TEXT_CONTRAST ? WHITE : NEAR_BLACK;
  // Without a given secondary, a split-complement keeps the accent clearly apart from the brand.
  const secondarySeed = opts.secondary ?? hslToHex([h + 150, clamp(s, 0.45, 0.75), 0.4]);
  const secondary = darkenUntil(secondarySeed, bgs, TEXT_CONTRAST);
  const text = darkenUntil(hslToHex([h, Math.min(s, 0.3), 0.13]), bgs, 7);
  const muted = darkenUntil(hslToHex([h, Math.min(s, 0.12), 0.45]), bgs, TEXT_CONTRAST);

  // Fixed saturation/lightness (not the brand's) so a grey or black primary still yields six distinct hues.
  const chartSat = clamp(s, 0.55, 0.8);
  const chart = Array.from({ length: 6 }, (_, i) =>
    i === 0 ? brand : darkenUntil(hslToHex([h + i * 60, chartSat, 0.45]), [surface], GRAPHIC_CONTRAST),
  );
  return { primary: brand, onPrimary, secondary, background, surface, text, muted, chart };
}

/** Every failing pair, as readable sentences; empty when the theme is accessible. */
export function themeContrastProblems(theme: Theme): string[] {
  const pairs: Array<[string, string, string, string, number]> = [
    ['text', theme.text, 'background', theme.background, TEXT_CONTRAST],
    ['text', theme.text, 'surface', theme.surface, TEXT_CONTRAST],
    ['muted', theme.muted, 'background', theme.background, TEXT_CONTRAST],
    ['muted', theme.muted, 'surface', theme.surface, TEXT_CONTRAST],
    ['primary', theme.primary, 'background', theme.background, TEXT_CONTRAST],
    ['primary', theme.primary, 'surface', theme.surface, TEXT_CONTRAST],
    ['secondary', theme.secondary, 'background', theme.background, TEXT_CONTRAST],
    ['secondary', theme.secondary, 'surface', theme.surface, TEXT_CONTRAST],
    ['onPrimary', theme.onPrimary, 'primary', theme.primary, TEXT_CONTRAST],
    ...theme.chart.map((c, i): [string, string, string, string, number] => [
      `chart[${i}]`,
      c,
      'surface',
      theme.surface,
      GRAPHIC_CONTRAST,
    ]),
  ];
  return pairs.flatMap(([fgName, fg, bgName, bg, min]) => {
    const ratio = contrastRatio(fg, bg);
    return ratio >= min ? [] : [`${fgName} ${fg} on ${bgName} ${bg} is ${ratio.toFixed(2)}:1, needs ${min}:1`];
  });
}
