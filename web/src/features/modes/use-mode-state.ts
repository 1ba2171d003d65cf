import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JobBrand } from '../../../../api/contracts/jobs';
import type { Mode, TypeVoice } from '../../../../api/contracts/mode';
import { TYPE_VOICES } from '../../../../api/contracts/type-voices';
import type { Persona } from '../../../../api/contracts/persona';
import { getMode, getPersona, isAbort, toApiError } from '../../api/client';
import { textOn } from '../../lib/contrast';
import { loadStored, saveStored } from '../../lib/storage';
import { linkedModeId, showModeInAddress } from '../../lib/url-state';
import { applyTheme } from './apply-theme';
import { brandMode } from './brand-skeleton';
import { fontsReady, loadVoice } from './fonts';
import { warmFormatters } from './warm-up';
import { typeVoiceOf } from '../../../../api/contracts/type-voice';

/**
 * The transformation (issue #12: the new mode is on screen at once, the show plays over it). As
 * soon as the new mode's data is in (the chat event carries mode and persona; a tile fetches them;
 * the heading font loads), the new themed dashboard is put on in one View Transition: the browser
 * keeps a snapshot of the old mode, the new DOM is live and painted at once, and CSS wipes the
 * snapshot away in a circle from the brand mark, a band of the brand's colour on its edge (`wipe`)
 * while header, mark, navigation and cards arrive in turn
 * (https://developer.mozilla.org/docs/Web/API/Document/startViewTransition; same-document view
 * transitions are in Chrome 111, Safari 18 and Firefox 144:
 * https://web-platform-dx.github.io/web-features-explorer/features/view-transitions). Chosen over a
 * colour band drawn over the new mode because only a snapshot lets the old look stay visible
 * ahead of the wipe without keeping two dashboards mounted. Without the API the same band passes
 * over the already-painted new mode; with `prefers-reduced-motion` it is a short cross-fade.
 *
 * If the data is not in within `READY_WAIT_MS` (a slow persona fetch), the sweep covers the old
 * mode as a loading state (`cover`), the new mode is put on under it, then it lifts (`reveal`):
 * never a blank or half-themed frame.
 */
export const READY_WAIT_MS = 200;
export const WIPE_MS = 900;
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
  /**
   * `wait`: the new mode's data is loading (nothing drawn; the chat holds the new brand's name back);
   * `wipe`: the new mode is on, the show plays over it; `cover`/`reveal`: the slow path's sweep.
   */
  phase: 'wait' | 'wipe' | 'cover' | 'reveal';
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

const late: unique symbol = Symbol('late');

/** `promise`'s value if it settles within `ms`, else `late` (a rejection within `ms` is thrown). */
const within = <T>(promise: Promise<T>, ms: number): Promise<T | typeof late> =>
  Promise.race([promise, delay(ms).then((): typeof late => late)]);

/** The show's own animations in the new mode (layout.css): the name's stamp and the staged arrival. */
const SHOW_ANIMATIONS = new Set(['stamp', 'mark-in', 'enter-right', 'enter-up', 'fade-in']);

/**
 * Starts the stamp and the staged arrival on the same frame as the view transition's wipe. They
 * are part of the new mode, so their clocks could run from when it went in, while a loaded machine
 * may take a few frames to snapshot both states before the wipe starts: the name would then pop up
 * before the wave reaches it (https://developer.mozilla.org/docs/Web/API/Animation/startTime).
 */
async function startWithWipe(): Promise<void> {
  const all = document.getAnimations();
  const wipe = all.find((a) => (a.effect as KeyframeEffect | null)?.pseudoElement === '::view-transition-new(root)');
  if (!wipe) return;
  await wipe.ready.catch(() => undefined);
  for (const a of all) {
    const effect = a.effect as KeyframeEffect | null;
    if (a === wipe || effect?.pseudoElement || !(a instanceof CSSAnimation) || !SHOW_ANIMATIONS.has(a.animationName))
      continue;
    if ((effect?.target as Element | null)?.closest('.app')) a.startTime = wipe.startTime;
  }
}

/** After the next frame has been painted (a frame, then a task). */
const nextPaint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * The current mode and persona, and the only owner of which mode chat and voice answer in
 * (`currentModeId`; others call `switchTo`). On load a stored mode is restored directly (no
 * transition); later switches put the new mode on at once with the show over it (see above). The latest switch wins.
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
    // A frame, then a task: the themed dashboard (or the brand's look) has been painted (read by `npm run bench`).
    if (brandPaintPending.current && brand) {
      brandPaintPending.current = false;
      requestAnimationFrame(() => setTimeout(() => performance.mark('presto:brand-painted'), 0));
    }
    if (!paintPending.current) return;
    paintPending.current = false;
    requestAnimationFrame(() => setTimeout(() => performance.mark('presto:mode-painted'), 0));
  }, [view?.mode, brand?.mode]);

  // The address keeps naming a mode that opens: the one being designed does not exist yet. After
  // the frame, not in the layout effect: Chromium lays the whole page out synchronously on
  // history.replaceState (a same-document navigation records the scroll position), which in a view
  // transition's update held the new mode's first frame up.
  useEffect(() => {
    if (view) showModeInAddress(view.mode.id);
  }, [view?.mode]);

  // The four heading faces (14-24 KB each) load once the page is up, so a switch rarely waits for
  // one: the new mode goes on at once only with its face ready (else the sweep covers the wait).
  // The number formatters are built then too, not in the first dashboard's render (warm-up.ts).
  useEffect(() => {
    const warm = () => {
      TYPE_VOICES.forEach((v) => void loadVoice(v));
      warmFormatters();
    };
    const frame = requestAnimationFrame(() => setTimeout(warm, 0));
    return () => cancelAnimationFrame(frame);
  }, []);

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

  // Resolved after the next render has been committed (and its theme put on): a view transition's update is done then.
  const afterRender = useRef<(() => void)[]>([]);
  useLayoutEffect(() => {
    for (const done of afterRender.current.splice(0)) done();
  });

  /**
   * Puts a new look on (`commit`) at once and plays the show over it: in a view transition where
   * the browser has one, else straight away with the band passing over it. A newer switch wins.
   */
  const putOn = async (commit: () => void, look: Omit<Transition, 'phase'>, my: number) => {
    const still = reducedMotion();
    const show = () => setTransition(still ? null : { ...look, phase: 'wipe' });
    if (typeof document.startViewTransition === 'function') {
      const vt = document.startViewTransition(() => {
        if (my !== token.current) return;
        const rendered = new Promise<void>((r) => afterRender.current.push(r));
        commit();
        show();
        return rendered;
      });
      await vt.ready.catch(() => undefined);
      if (my !== token.current) return;
      if (!still) await startWithWipe();
    } else {
      commit();
      show();
    }
    if (still) return;
    // It ends after the new mode has been painted, never before, however loaded the machine.
    await Promise.all([delay(WIPE_MS), nextPaint()]);
    if (my === token.current) setTransition(null);
  };

  /**
   * A design's brand is ready (issue #12): the transformation plays now, onto its look — name,
   * colours, mark and tab labels over a dashboard skeleton — while the chat keeps its current mode.
   * `instant` (the look was already on screen before a reload): painted at once, no show. The
   * mode itself is not saved until it is finished (the job watch keeps the look for a reload).
   */
  const showBrand = useCallback(async (b: JobBrand, id: string, instant = false) => {
    const my = ++token.current;
    setNotice(null);
    const commit = () => {
      brandPaintPending.current = true;
      setBrand({ id, mode: brandMode(b, id) });
    };
    if (instant) {
      setTransition(null);
      return commit();
    }
    const look = {
      id,
      name: b.name,
      font: b.theme.font,
      companyName: b.companyName,
      primary: b.theme.primary,
      onPrimary: b.theme.onPrimary,
    };
    await putOn(commit, look, my);
  }, []);

  /** The design failed or was abandoned: back to the mode the page had, at once. */
  const dropBrand = useCallback(() => {
    if (!brandRef.current) return;
    token.current++;
    setTransition(null);
    setBrand(null);
  }, []);

  /** The new mode on screen, remembered (a reload keeps it); the bench's paint mark follows its first frame. */
  const commitView = (mode: Mode, persona: Persona) => {
    saveStored({ modeId: mode.id });
    paintPending.current = true;
    setView({ mode, persona });
    setBrand(null);
  };

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
      setTransition({ ...look, phase: 'wait' });
      const loading = Promise.all([
        // The new voice's font loads before the swap, so the new mode never swaps a face on screen.
        Promise.resolve(full ?? getMode(target.id)).then((m) => fontsReady(m).then(() => m)),
        persona ?? getPersona(target.id, personaSeed),
      ]);
      try {
        const quick = await within(loading, READY_WAIT_MS);
        if (my !== token.current) return;
        if (quick !== late) {
          const [mode, p] = quick;
          const known = { ...look, name: mode.name, font: typeVoiceOf(mode), primary: mode.theme.primary };
          return await putOn(() => commitView(mode, p), { ...known, onPrimary: mode.theme.onPrimary }, my);
        }
        // Slow data: the sweep covers the old mode as a loading state, the new one is put on under it.
        const still = reducedMotion();
        setTransition({ ...look, phase: 'cover' });
        const [[mode, p]] = await Promise.all([loading, delay(still ? REDUCED_MS : COVER_MS)]);
        if (my !== token.current) return;
        commitView(mode, p);
        setTransition({ ...look, primary: mode.theme.primary, onPrimary: mode.theme.onPrimary, phase: 'reveal' });
        await delay(still ? REDUCED_MS : REVEAL_MS);
        if (my === token.current) setTransition(null);
      } catch (err) {
        if (my !== token.current) return;
        setTransition(null);
        setNotice({
          message: `Couldn't open ${target.companyName}: ${toApiError(err).message}`,
          retry: () => void switchTo(target, persona),
        });
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
