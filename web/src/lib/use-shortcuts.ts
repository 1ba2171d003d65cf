import { useEffect, useRef } from 'preact/hooks';

export interface Shortcuts {
  /** ⌘K / Ctrl-K: the Modes menu. */
  modes: () => void;
  /** `?`: "What can I say?". */
  help: () => void;
}

/** True while the user is typing somewhere: `?` is then a character, not a shortcut. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
}

/** The presenter's keyboard: ⌘/Ctrl-K opens the modes, `?` the help; Escape is each panel's own. */
export function useShortcuts(handlers: Shortcuts): void {
  const on = useRef(handlers);
  on.current = handlers;
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        on.current.modes();
      } else if (e.key === '?' && !e.metaKey && !e.ctrlKey && !typing(e.target)) {
        e.preventDefault();
        on.current.help();
      }
    };
    document.addEventListener('keydown', key);
    return () => document.removeEventListener('keydown', key);
  }, []);
}

/** "⌘K" on Apple keyboards, "Ctrl K" elsewhere. */
export const modKey = () => (/Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? '⌘' : 'Ctrl ');
