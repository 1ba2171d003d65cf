import type { Mode, TypeVoice } from '../../../../api/contracts/mode';
import { typeVoiceOf } from '../../../../api/contracts/type-voice';
import { HEADING_FACES, HEADING_STACKS } from './font-stacks';
// Bundled by Vite as hashed same-origin assets (no CDN; the CSP's font-src 'self' allows them).
// Latin subset, one weight (600) per family: ~14-24 KB each, and a page fetches only its mode's.
import plexSans from '@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-600-normal.woff2?url';
import outfit from '@fontsource/outfit/files/outfit-latin-600-normal.woff2?url';
import sourceSans from '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2?url';
import sourceSerif from '@fontsource/source-serif-4/files/source-serif-4-latin-600-normal.woff2?url';

const FILES: Record<TypeVoice, string> = {
  sober: plexSans,
  humanist: sourceSans,
  geometric: outfit,
  serif: sourceSerif,
};

/**
 * A local face scaled to the bundled one's width and vertical metrics, used until it has loaded,
 * so the swap does not move a line (https://developer.mozilla.org/docs/Web/CSS/@font-face/size-adjust).
 * Measured in Chromium against Liberation/Arial and Georgia/Liberation Serif (see fonts.ts history).
 */
const FALLBACKS: Record<TypeVoice, { local: string; sizeAdjust: string; ascent: string; descent: string }> = {
  sober: { local: 'local("Arial"), local("Liberation Sans")', sizeAdjust: '104%', ascent: '99%', descent: '27%' },
  humanist: { local: 'local("Arial"), local("Liberation Sans")', sizeAdjust: '91%', ascent: '109%', descent: '31%' },
  geometric: { local: 'local("Arial"), local("Liberation Sans")', sizeAdjust: '100%', ascent: '100%', descent: '26%' },
  serif: {
    local: 'local("Georgia"), local("Liberation Serif")',
    sizeAdjust: '101%',
    ascent: '102%',
    descent: '33%',
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
    weight: '100 900',
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
