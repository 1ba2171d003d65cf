import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JobBrand } from '../../../../api/contracts/jobs';
import type { Mode, TypeVoice } from '../../../../api/contracts/mode';
import type { Persona } from '../../../../api/contracts/persona';
import { getMode, getPersona, isAbort, toApiError } from '../../api/client';
import { textOn } from '../../lib/contrast';
import { loadStored, saveStored } from '../../lib/storage';
import { linkedModeId, showModeInAddress } from '../../lib/url-state';
import { applyTheme } from './apply-theme';
import { brandMode } from './brand-skeleton';
import { fontsReady } from './fonts';
import { typeVoiceOf } from '../../../../api/contracts/type-voice';

/**
 * The transformation, about a second in all: the new brand's colour sweeps over the old mode
 * (`cover`, the old look stays visible until covered), the new theme and name are put on under it,
 * then the sweep lifts while header, mark, navigation and cards arrive in turn (`reveal`). With
 * `prefers-reduced-motion` both phases are a short cross-fade.
 */
export const COVER_MS = 420;
export const REVEAL_MS = 680;
const REDUCED_MS = 160;

export interface ModeView {
  mode: Mode;
  persona: Persona;
}

/** A mode still being designed (issue #12): its look, shown over the stage until the mode itself arrives. */
export interface BrandView {
  /** The job's id, which is the finished mode's id. */
  id: string;
  mode: Mode;
}

export interface Transition {
  companyName: string;
  /** The mode's id, industry name and type voice, when known: the overlay draws its brand mark from them. */
  id?: string;
  name?: string;
  font?: TypeVoice;
  primary?: string;
  /** Text colour on `primary`. */
  onPrimary?: string;
  phase: 'cover' | 'reveal';
}

export interface Notice {
  message: string;
  retry?: () => void;
}

/** Default chat context before any mode is chosen: the server needs some mode id to answer in. */
const FALLBACK_MODE_ID = 'banking';

/** An error message used mid-sentence: no trailing full stop. */
const sentence = (message: string) => message.replace(/\.+$/, '');

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The current mode and persona, and the only owner of which mode chat and voice answer in
 * (`currentModeId`; others call `switchTo`). On load a stored mode is restored directly (no
 * transition); later switches show the transition overlay while the persona loads. The latest switch wins.
 */
export function useModeState(personaSeed: number) {
  // A shared link (`?mode=airline`) wins over the mode this browser had last.
  const stored = useRef(withLink(loadStored())).current;
  const [view, setView] = useState<ModeView | null>(null);
  const [booting, setBooting] = useState(Boolean(stored.modeId));
  const [transition, setTransition] = useState<Transition | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [brand, setBrand] = useState<BrandView | null>(null);
  const brandRef = useRef<BrandView | null>(null);
  brandRef.current = brand;
  // The mode chat and voice answer in: written only here (switchTo, reset), read through currentModeId.
  const requestModeId = useRef(stored.modeId ?? FALLBACK_MODE_ID);
  const currentModeId = useCallback(() => requestModeId.current, []);
  const token = useRef(0);
  // Bumped only by a switch or a reset: a design's look painted meanwhile does not cancel restoring the stored mode.
  const viewEpoch = useRef(0);

  const paintPending = useRef(false);
  const brandPaintPending = useRef(false);
  // Layout effect: the theme lands in the same frame as the name, so the new name is never painted on the old colours.
  useLayoutEffect(() => {
    applyTheme(brand?.mode ?? view?.mode ?? null);
    // The address keeps naming a mode that opens: the one being designed does not exist yet.
    if (view) showModeInAddress(view.mode.id);
    // A frame, then a task: the themed dashboard (or the brand's look) has been painted (read by `npm run bench`).
    if (brandPaintPending.current && brand) {
      brandPaintPending.current = false;
      requestAnimationFrame(() => setTimeout(() => performance.mark('presto:brand-painted'), 0));
    }
    if (!paintPending.current) return;
    paintPending.current = false;
    requestAnimationFrame(() => setTimeout(() => performance.mark('presto:mode-painted'), 0));
  }, [view?.mode, brand?.mode]);

  useEffect(() => {
    const id = stored.modeId;
    if (!id) return;
    const ac = new AbortController();
    const my = viewEpoch.current;
    Promise.all([getMode(id, ac.signal), getPersona(id, personaSeed, ac.signal)])
      .then(([mode, persona]) => {
        if (my !== viewEpoch.current) return;
        saveStored({ modeId: mode.id });
        setView({ mode, persona });
      })
      .catch((err: unknown) => {
        if (isAbort(err) || my !== viewEpoch.current) return;
        saveStored({ modeId: undefined });
        showModeInAddress(null);
        setNotice({
          message: stored.linked
            ? `The link asked for a mode called “${id}”, which could not be opened (${sentence(toApiError(err).message)}). Pick an industry instead.`
            : `Your last demo could not be restored (${sentence(toApiError(err).message)}). Pick an industry to start again.`,
        });
      })
      .finally(() => !ac.signal.aborted && setBooting(false));
    return () => ac.abort();
  }, []);

  /**
   * A design's brand is ready (issue #12): the transformation plays now, onto its look — name,
   * colours, mark and tab labels over a dashboard skeleton — while the chat keeps its current mode.
   * `instant` (the look was already on screen before a reload): painted at once, no sweep. The
   * mode itself is not saved until it is finished (the job watch keeps the look for a reload).
   */
  const showBrand = useCallback(async (b: JobBrand, id: string, instant = false) => {
    const my = ++token.current;
    const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    setNotice(null);
    if (instant) {
      setTransition(null);
      brandPaintPending.current = true;
      setBrand({ id, mode: brandMode(b, id) });
      return;
    }
    const look = {
      id,
      name: b.name,
      font: b.theme.font,
      companyName: b.companyName,
      primary: b.theme.primary,
      onPrimary: b.theme.onPrimary,
    };
    setTransition({ ...look, phase: 'cover' });
    await delay(still ? REDUCED_MS : COVER_MS);
    if (my !== token.current) return;
    brandPaintPending.current = true;
    setBrand({ id, mode: brandMode(b, id) });
    setTransition({ ...look, phase: 'reveal' });
    await delay(still ? REDUCED_MS : REVEAL_MS);
    if (my === token.current) setTransition(null);
  }, []);

  /** The design failed or was abandoned: back to the mode the page had, at once. */
  const dropBrand = useCallback(() => {
    if (!brandRef.current) return;
    token.current++;
    setTransition(null);
    setBrand(null);
  }, []);

  /** Switch to a mode by full Mode (chat `mode` event) or by id (landing tiles). */
  const switchTo = useCallback(
    async (target: Mode | { id: string; companyName: string; primaryColor?: string }, persona?: Persona) => {
      const my = ++token.current;
      viewEpoch.current++;
      // Chat and voice answer in the new mode from now on, even while it loads.
      requestModeId.current = target.id;
      const full = 'theme' in target ? target : null;
      performance.clearMarks('presto:mode-event');
      performance.clearMarks('presto:mode-painted');
      performance.mark('presto:mode-event');
      // The mode whose look is already on screen: fill the skeleton in place, no second sweep.
      if (brandRef.current?.id === target.id) return fillIn(target, full, persona, my);
      const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      setNotice(null);
      const primary = full?.theme.primary ?? ('primaryColor' in target ? target.primaryColor : undefined);
      const look = {
        id: target.id,
        name: full?.name,
        font: full ? typeVoiceOf(full) : undefined,
        companyName: target.companyName,
        primary,
        onPrimary: full?.theme.onPrimary ?? (primary ? textOn(primary) : undefined),
      };
      setTransition({ ...look, phase: 'cover' });
      try {
        // The sweep covers the old mode while the new one loads; neither waits for the other.
        const [[mode, p]] = await Promise.all([
          Promise.all([
            // The new voice's font loads under the cover too, so the reveal never swaps a face.
            Promise.resolve(full ?? getMode(target.id)).then((m) => fontsReady(m).then(() => m)),
            persona ?? getPersona(target.id, personaSeed),
          ]),
          delay(still ? REDUCED_MS : COVER_MS),
        ]);
        if (my !== token.current) return;
        // Re-theme under the cover and remember the mode (a reload mid-transition keeps it).
        saveStored({ modeId: mode.id });
        paintPending.current = true;
        setView({ mode, persona: p });
        setBrand(null);
        setTransition({ ...look, primary: mode.theme.primary, onPrimary: mode.theme.onPrimary, phase: 'reveal' });
        await delay(still ? REDUCED_MS : REVEAL_MS);
        if (my !== token.current) return;
      } catch (err) {
        if (my !== token.current) return;
        setNotice({
          message: `Couldn't open ${target.companyName}: ${toApiError(err).message}`,
          retry: () => void switchTo(target, persona),
        });
      } finally {
        if (my === token.current) setTransition(null);
      }
    },
    [personaSeed],
  );

  /** The finished mode of the brand on screen: loaded behind the skeleton, then swapped in one frame. */
  const fillIn = async (
    target: { id: string; companyName: string },
    full: Mode | null,
    persona: Persona | undefined,
    my: number,
  ) => {
    setTransition(null);
    try {
      const [mode, p] = await Promise.all([full ?? getMode(target.id), persona ?? getPersona(target.id, personaSeed)]);
      if (my !== token.current) return;
      saveStored({ modeId: mode.id });
      paintPending.current = true;
      setView({ mode, persona: p });
      setBrand(null);
    } catch (err) {
      if (my !== token.current) return;
      setBrand(null);
      setNotice({
        message: `Couldn't open ${target.companyName}: ${toApiError(err).message}`,
        retry: () => void switchTo(target, persona),
      });
    }
  };

  const reset = useCallback(() => {
    token.current++;
    viewEpoch.current++;
    setTransition(null);
    setNotice(null);
    setBrand(null);
    setView(null);
    saveStored({ modeId: undefined });
    showModeInAddress(null);
  }, []);

  return {
    view,
    brand,
    showBrand,
    dropBrand,
    booting,
    transition,
    notice,
    currentModeId,
    switchTo,
    reset,
    dismissNotice: () => setNotice(null),
  };
}

/** The stored state with a linked mode (`?mode=`) put first; `linked` says the id came from the address. */
function withLink(stored: ReturnType<typeof loadStored>): ReturnType<typeof loadStored> & { linked: boolean } {
  const linked = linkedModeId();
  return linked ? { ...stored, modeId: linked, linked: true } : { ...stored, linked: false };
}
