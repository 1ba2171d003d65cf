import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActionQuote } from '../../../../api/contracts/persona';
import { Icon } from '../../lib/icon';

const FOCUSABLE = 'button:not([disabled]), [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The confirmation of a demo action: what would happen with the persona's numbers, a plain
 * "Demo: …" note, Cancel and Confirm; after Confirm, a success state in the same dialog. A modal
 * <dialog> (labelled by its title, described by the note); Tab cycles inside it, Escape closes it,
 * and focus returns to the button that opened it.
 */
export function ActionDialog({
  quote,
  onClose,
  onDone,
}: {
  quote: ActionQuote;
  onClose: () => void;
  onDone: (quote: ActionQuote) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      // A modal dialog makes the page inert: close it first, or the opener cannot take focus back.
      if (dialog?.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  useEffect(() => {
    if (done) ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [done]);

  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') {
      const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };
  const confirm = () => {
    setDone(true);
    onDone(quote);
  };
  const titleId = `action-${quote.id}-title`;
  const noteId = `action-${quote.id}-note`;
  return (
    <dialog
      ref={ref}
      class="action-dialog"
      data-testid="action-dialog"
      aria-labelledby={titleId}
      aria-describedby={noteId}
      onKeyDown={keys}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => e.target === ref.current && onClose()}
    >
      <div class="action-dialog__inner">
        <header class="action-dialog__head">
          <h2 id={titleId}>{quote.title}</h2>
          <button type="button" class="icon-btn" aria-label="Close" onClick={onClose}>
            <Icon name="close" size={18} />
          </button>
        </header>
        {done ? (
          <div class="action-dialog__done" role="status" data-testid="action-success">
            <span class="action-dialog__tick" aria-hidden="true">
              ✓
            </span>
            <p>{quote.done}</p>
          </div>
        ) : (
          <dl class="action-dialog__lines" data-testid="action-lines">
            {quote.lines.map((l) => (
              <div key={l.label} class="action-dialog__line">
                <dt>{l.label}</dt>
                <dd>{l.value}</dd>
              </div>
            ))}
          </dl>
        )}
        <p class="action-dialog__note" id={noteId}>
          {quote.demoNote}
        </p>
        <footer class="action-dialog__foot">
          {done ? (
            <button type="button" class="btn btn--primary" data-autofocus onClick={onClose}>
              Close
            </button>
          ) : (
            <>
              <button type="button" class="btn" onClick={onClose}>
                Cancel
              </button>
              <button
                type="button"
                class="btn btn--primary"
                data-autofocus
                data-testid="action-confirm"
                onClick={confirm}
              >
                {quote.confirmLabel}
              </button>
            </>
          )}
        </footer>
      </div>
    </dialog>
  );
}
