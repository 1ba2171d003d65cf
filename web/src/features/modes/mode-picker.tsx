import { useEffect, useRef, useState } from 'preact/hooks';
import type { ModeSummary } from '../../../../api/contracts/mode';
import { listModes, toApiError } from '../../api/client';
import { Icon } from '../../lib/icon';

interface Props {
  currentId: string | null;
  onPick: (mode: ModeSummary) => void;
  /** Owned by the app so ⌘/Ctrl-K can open it (lib/use-shortcuts.ts). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Header menu of every mode, pre-built and generated (GET /api/modes). The list is fetched each
 * time it opens, so a mode designed a moment ago — by anyone — is there.
 */
export function ModePicker({ currentId, onPick, open, onOpenChange: setOpen }: Props) {
  const [modes, setModes] = useState<ModeSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Storage could not give the designed modes just now (GET /api/modes `generatedUnavailable`). */
  const [partial, setPartial] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const ac = new AbortController();
    setError(null);
    listModes(ac.signal)
      .then((list) => {
        setModes(list.modes);
        setPartial(list.generatedUnavailable === true);
        // Opened from the keyboard: arrows and Enter work from the current (or first) mode.
        requestAnimationFrame(() =>
          root.current
            ?.querySelector<HTMLElement>(
              '[data-testid="mode-option"][aria-current="true"], [data-testid="mode-option"]',
            )
            ?.focus(),
        );
      })
      .catch((err: unknown) => !ac.signal.aborted && setError(toApiError(err).message));
    const outside = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      ac.abort();
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open, attempt]);

  const choose = (m: ModeSummary) => {
    setOpen(false);
    if (m.id !== currentId) onPick(m);
  };
  const groups: Array<[string, ModeSummary[]]> = modes
    ? [
        ['Pre-built', modes.filter((m) => m.source === 'builtin')],
        ['Designed on request', modes.filter((m) => m.source === 'generated')],
      ]
    : [];

  return (
    <div class="mode-picker" ref={root}>
      <button
        ref={button}
        type="button"
        class="btn btn--on-primary"
        data-testid="mode-picker"
        aria-expanded={open}
        aria-controls="mode-picker-list"
        aria-label="Modes"
        aria-keyshortcuts="Control+K Meta+K"
        title="Modes (Ctrl/⌘ K)"
        onClick={() => setOpen(!open)}
      >
        <Icon name="sparkle" size={16} />
        <span class="hide-narrow" aria-hidden="true">
          Modes
        </span>
        <Icon name="chevron" size={14} />
      </button>
      {open && (
        <div class="mode-picker__panel" id="mode-picker-list">
          {!modes && !error && <p class="mode-picker__note">Loading modes…</p>}
          {error && (
            <p class="mode-picker__note" role="alert">
              Couldn't load the modes: {error}
            </p>
          )}
          {partial && (
            <p class="mode-picker__note" role="status" data-testid="designed-unavailable">
              Designed modes couldn't be loaded just now.{' '}
              <button type="button" class="link-btn" onClick={() => setAttempt((n) => n + 1)}>
                Retry
              </button>
            </p>
          )}
          {groups.map(([title, list]) =>
            list.length === 0 ? null : (
              <section key={title} aria-label={title}>
                <h2 class="mode-picker__group">{title}</h2>
                <ul>
                  {list.map((m) => (
                    <li key={m.id}>
                      <button
                        type="button"
                        class="mode-option"
                        data-testid="mode-option"
                        data-mode-id={m.id}
                        aria-current={m.id === currentId ? 'true' : undefined}
                        onClick={() => choose(m)}
                        style={{ '--swatch': m.primaryColor }}
                      >
                        <span class="mode-option__swatch" aria-hidden="true" />
                        <span class="mode-option__name">{m.companyName}</span>
                        <span class="mode-option__industry">{m.name}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ),
          )}
        </div>
      )}
    </div>
  );
}
