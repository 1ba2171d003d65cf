import type { Mode, TypeVoice } from '../../../../api/contracts/mode';
import { typeVoiceOf } from '../../../../api/contracts/type-voice';
import { HEADING_FACES, HEADING_STACKS } from './font-stacks';
// Bundled by Vite as hashed same-origin assets (no CDN; the CSP's font-src 'self' allows them).
// Latin subset, one weight (600) per family: ~14-24 KB each, and a page fetches only its mode's.
import plexSans from '@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-600-normal.woff2?url';
import outfit from '@fontsource/outfit/files/outfit-latin-600-normal.woff2?url';
import sourceSans from '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2?url';
import sourceSerif from '@fontsource/source-serif-4/files/source-serif-4-latin-600-normal.woff2?url';

// The bold faces by full and PostScript name: every heading is 600 or heavier.
const SANS = 'local("Arial Bold"), local("Arial-BoldMT"), local("Liberation Sans Bold"), local("LiberationSans-Bold")';
const SERIF =
  'local("Times New Roman Bold"), local("TimesNewRomanPS-BoldMT"), local("Liberation Serif Bold"), local("LiberationSerif-Bold")';

const FILES: Record<TypeVoice, string> = {
  sober: plexSans,
  humanist: sourceSans,
  geometric: outfit,
  serif: sourceSerif,
};

/**
 * A local face scaled to the bundled one's width and vertical metrics, used until it has loaded,
 * so the swap does not move a line (https://developer.mozilla.org/docs/Web/CSS/@font-face/size-adjust).
 * Measured in Chromium: the width of a sample heading line in the bundled face over the same line
 * in Arial's metric twin (Liberation Sans; Times New Roman's, Liberation Serif, for the serif), and
 * the bundled face's ascent and descent divided by that scale (the overrides are scaled by it).
 */
const FALLBACKS: Record<TypeVoice, { local: string; sizeAdjust: string; ascent: string; descent: string }> = {
  sober: { local: SANS, sizeAdjust: '97.5%', ascent: '105.6%', descent: '28.7%' },
  humanist: { local: SANS, sizeAdjust: '89.3%', ascent: '114.3%', descent: '44.8%' },
  geometric: { local: SANS, sizeAdjust: '94.7%', ascent: '105.6%', descent: '27.5%' },
  serif: {
    local: SERIF,
    sizeAdjust: '110.1%',
    ascent: '94.5%',
    descent: '30.9%',
  },
};

const loading = new Map<TypeVoice, Promise<void>>();

/**
 * Registers a voice's faces once and loads the bundled one. Never rejects: a font that fails to
 * load leaves the metric-matched fallback in place, which is a look, not an error.
 */
export function loadVoice(voice: TypeVoice): Promise<void> {
  const known = loading.get(voice);
  if (known) return known;
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  if (!fonts || typeof FontFace === 'undefined') return Promise.resolve();
  const fb = FALLBACKS[voice];
  // A 600 face declared for 600-800, so the bolder headings use it as drawn instead of a synthetic bold.
  const face = new FontFace(HEADING_FACES[voice], `url(${FILES[voice]}) format("woff2")`, {
    weight: '600 800',
    display: 'swap',
  });
  const fallback = new FontFace(`${HEADING_FACES[voice]} Fallback`, fb.local, {
    weight: '600 800',
    sizeAdjust: fb.sizeAdjust,
    ascentOverride: fb.ascent,
    descentOverride: fb.descent,
  } as FontFaceDescriptors);
  fonts.add(fallback);
  fonts.add(face);
  const done = Promise.all([face.load(), fallback.load()]).then(
    () => undefined,
    () => undefined,
  );
  loading.set(voice, done);
  return done;
}

/** Puts a voice's heading stack on :root (the landing, `null`, keeps the product's own face). */
export function applyVoice(voice: TypeVoice | null): void {
  const root = document.documentElement;
  if (voice) {
    void loadVoice(voice);
    root.style.setProperty('--font-heading', HEADING_STACKS[voice]);
    root.dataset.typeVoice = voice;
  } else {
    root.style.removeProperty('--font-heading');
    delete root.dataset.typeVoice;
  }
}

/**
 * Resolves when a mode's heading face is loaded, or after `maxMs` at the latest: the transformation
 * waits for it under the cover, so the reveal shows the new face, but a slow network never holds
 * the switch (the metric-matched fallback shows meanwhile).
 */
export function fontsReady(mode: Mode, maxMs = 700): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    void loadVoice(typeVoiceOf(mode)).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
