import { useEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../../lib/icon';

const DEFAULT_HINT =
  'Answers come from the built-in offline engine. Set AZURE_OPENAI_ENDPOINT (and sign in with az login) to use Azure OpenAI.';

/**
 * "Offline engine" pill; its popover explains how to connect Azure. CSS shows it on hover and
 * focus; a click pins it open; Escape hides it until the pointer or focus leaves.
 */
export function OfflineBadge({ hint }: { hint?: string }) {
  const [open, setOpen] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        setOpen(false);
        setDismissed(true);
      } else if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, []);

  return (
    <div
      class="popover-anchor"
      ref={root}
      onMouseLeave={() => setDismissed(false)}
      onFocusOut={(e) => !root.current?.contains(e.relatedTarget as Node) && setDismissed(false)}
    >
      <button
        type="button"
        class="badge badge--quiet"
        data-testid="offline-badge"
        aria-expanded={open}
        aria-controls="offline-hint"
        aria-describedby="offline-hint"
        aria-label="Offline engine"
        onClick={() => {
          setDismissed(false);
          setOpen((o) => !o);
        }}
      >
        <span class="badge__dot" aria-hidden="true" />
        Offline
      </button>
      <div
        id="offline-hint"
        role="tooltip"
        class={`popover${open ? ' is-open' : ''}${dismissed ? ' is-dismissed' : ''}`}
      >
        <p class="popover__title">
          <Icon name="info" size={16} /> Running without Azure
        </p>
        <p>{hint || DEFAULT_HINT}</p>
      </div>
    </div>
  );
}
