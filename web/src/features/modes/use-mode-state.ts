import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Mode } from '../../../../api/contracts/mode';
import type { Persona } from '../../../../api/contracts/persona';
import { getMode, getPersona, isAbort, toApiError } from '../../api/client';
import { loadStored, saveStored } from '../../lib/storage';
import { applyTheme } from './apply-theme';

/** Long enough to read as a deliberate "transformation", short enough not to stall a demo. */
export const TRANSITION_MS = 700;

export interface ModeView {
  mode: Mode;
  persona: Persona;
}

export interface Transition {
  companyName: string;
  primary?: string;
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
 * The current mode and persona. On load a stored mode is restored directly (no transition);
 * later switches show the transition overlay while the persona loads. The latest switch wins.
 */
export function useModeState(personaSeed: number) {
  const stored = useRef(loadStored()).current;
  const [view, setView] = useState<ModeView | null>(null);
  const [booting, setBooting] = useState(Boolean(stored.modeId));
  const [transition, setTransition] = useState<Transition | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const requestModeId = useRef(stored.modeId ?? FALLBACK_MODE_ID);
  const token = useRef(0);

  const paintPending = useRef(false);
  useEffect(() => {
    applyTheme(view?.mode ?? null);
    if (!paintPending.current) return;
    paintPending.current = false;
    // A frame, then a task: the themed dashboard has been painted (read by `npm run bench`).
    requestAnimationFrame(() => setTimeout(() => performance.mark('presto:mode-painted'), 0));
  }, [view?.mode]);

  useEffect(() => {
    const id = stored.modeId;
    if (!id) return;
    const ac = new AbortController();
    const my = token.current;
    Promise.all([getMode(id, ac.signal), getPersona(id, personaSeed, ac.signal)])
      .then(([mode, persona]) => my === token.current && setView({ mode, persona }))
      .catch((err: unknown) => {
        if (isAbort(err) || my !== token.current) return;
        saveStored({ modeId: undefined });
        setNotice({
          message: `Your last demo could not be restored (${sentence(toApiError(err).message)}). Pick an industry to start again.`,
        });
      })
      .finally(() => !ac.signal.aborted && setBooting(false));
    return () => ac.abort();
  }, []);

  /** Switch to a mode by full Mode (chat `mode` event) or by id (landing tiles). */
  const switchTo = useCallback(
    async (target: Mode | { id: string; companyName: string; primaryColor?: string }, persona?: Persona) => {
      const my = ++token.current;
      const full = 'theme' in target ? target : null;
      performance.clearMarks('presto:mode-event');
      performance.clearMarks('presto:mode-painted');
      performance.mark('presto:mode-event');
      const started = performance.now();
      requestModeId.current = target.id;
      setNotice(null);
      setTransition({
        companyName: target.companyName,
        primary: full?.theme.primary ?? ('primaryColor' in target ? target.primaryColor : undefined),
      });
      try {
        const [mode, p] = await Promise.all([
          full ?? getMode(target.id),
          persona ?? getPersona(target.id, personaSeed),
        ]);
        if (my !== token.current) return;
        // Re-theme at once under the overlay and remember the mode (a reload mid-transition keeps it);
        // the overlay itself stays long enough to read as a deliberate transformation.
        saveStored({ modeId: mode.id });
        paintPending.current = true;
        setView({ mode, persona: p });
        await delay(Math.max(0, TRANSITION_MS - (performance.now() - started)));
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

  const reset = useCallback(() => {
    token.current++;
    setTransition(null);
    setNotice(null);
    setView(null);
    saveStored({ modeId: undefined });
  }, []);

  return { view, booting, transition, notice, requestModeId, switchTo, reset, dismissNotice: () => setNotice(null) };
}
