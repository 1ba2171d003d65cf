import type { Mode, Theme } from '../../../../api/contracts/mode';
import { typeVoiceOf } from '../../../../api/contracts/type-voice';
import { brandMarkSvg, markSubjectOf, svgDataUrl } from '../header/brand-mark';
import { applyVoice } from './fonts';

const VARS: Record<Exclude<keyof Theme, 'chart' | 'font'>, string> = {
  primary: '--primary',
  onPrimary: '--on-primary',
  secondary: '--secondary',
  background: '--bg',
  surface: '--surface',
  text: '--text',
  muted: '--muted',
};

export const PRODUCT_NAME = 'Presto-Change-O';

/** Puts a mode's theme on :root as CSS variables (or restores the neutral landing theme) and titles the page. */
export function applyTheme(mode: Mode | null): void {
  const style = document.documentElement.style;
  for (const [key, cssVar] of Object.entries(VARS) as [keyof typeof VARS, string][]) {
    if (mode) style.setProperty(cssVar, mode.theme[key]);
    else style.removeProperty(cssVar);
  }
  for (let i = 0; i < 8; i++) {
    const colour = mode?.theme.chart[i % mode.theme.chart.length];
    if (colour) style.setProperty(`--chart-${i + 1}`, colour);
    else style.removeProperty(`--chart-${i + 1}`);
  }
  document.title = mode ? `${mode.companyName} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', mode?.theme.primary ?? '#4338ca');
  applyVoice(mode ? typeVoiceOf(mode) : null);
  applyFavicon(mode);
}

let productFavicon: string | null = null;
let pendingFavicon: ReturnType<typeof setTimeout> | undefined;

/**
 * How long the tab's icon waits after a theme goes on. A new icon is an SVG document the page
 * decodes on its main thread (3-8 ms in a Chromium trace), which inside a mode switch delays the
 * new mode's first frame; nobody watching the stage sees the tab's icon change a moment later.
 */
export const FAVICON_DELAY_MS = 400;

/** The tab's icon follows the mode: its brand mark's favicon variant; the landing gets the product's back. The latest call wins. */
function applyFavicon(mode: Mode | null): void {
  clearTimeout(pendingFavicon);
  pendingFavicon = setTimeout(() => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) return;
    productFavicon ??= link.getAttribute('href');
    const href = mode ? svgDataUrl(brandMarkSvg(markSubjectOf(mode), 'favicon')) : productFavicon;
    if (href && link.getAttribute('href') !== href) link.setAttribute('href', href);
  }, FAVICON_DELAY_MS);
}
