import { useEffect, useRef } from 'preact/hooks';
import type { Mode } from '../../../../api/contracts/mode';
import { Icon } from '../../lib/icon';
import { modKey } from '../../lib/use-shortcuts';
import { questionsFor, TOUR } from '../chat/suggestion-list';

/** Industries with no pre-built mode: designed on request, and kept for everyone afterwards. */
const DESIGNED = [
  "Presto-Change-O, you're a veterinary clinic called Happy Paws",
  "Presto, you're a food bank",
  "Presto-Change-O, you're Wells Fargo",
];

interface Props {
  open: boolean;
  mode: Mode | null;
  busy: boolean;
  onClose: () => void;
  onSay: (text: string) => void;
}

/**
 * "What can I say?": everything this mode answers, every industry to become, and the shortcuts.
 * A native modal <dialog>: focus stays inside, Escape closes it, and it sits above every menu.
 */
export function HelpPanel({ open, mode, busy, onClose, onSay }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  const say = (text: string) => {
    onClose();
    onSay(text);
  };
  const sections: Array<[string, string[]]> = [
    ...(mode ? ([[`Ask ${mode.companyName}`, questionsFor(mode).slice(0, 8)]] as Array<[string, string[]]>) : []),
    ['Become another industry', TOUR.filter((t) => t.id !== mode?.id).map((t) => t.phrase)],
    ['Design a new one', DESIGNED],
  ];

  return (
    <dialog
      ref={ref}
      class="help-panel"
      data-testid="help-panel"
      aria-labelledby="help-title"
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
    >
      <div class="help-panel__inner">
        <header class="help-panel__head">
          <h2 id="help-title">What can I say?</h2>
          <button type="button" class="icon-btn" aria-label="Close" data-testid="help-close" onClick={onClose}>
            <Icon name="close" size={18} />
          </button>
        </header>
        <p class="help-panel__lead">Type or say any of these — pick one to send it now.</p>
        {sections.map(([title, items]) => (
          <section key={title} class="help-panel__section" aria-label={title}>
            <h3>{title}</h3>
            <ul>
              {items.map((text) => (
                <li key={text}>
                  <button
                    type="button"
                    class="help-panel__say"
                    data-testid="help-phrase"
                    disabled={busy}
                    onClick={() => say(text)}
                  >
                    “{text}”
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <section class="help-panel__section" aria-label="Keyboard shortcuts">
          <h3>Keyboard</h3>
          <dl class="help-panel__keys">
            <dt>
              <kbd>{modKey()}K</kbd>
            </dt>
            <dd>Open the modes</dd>
            <dt>
              <kbd>?</kbd>
            </dt>
            <dd>This list</dd>
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>Close a menu or this list</dd>
          </dl>
        </section>
      </div>
    </dialog>
  );
}
