import { useState } from 'preact/hooks';
import type { IconName } from '../../../../api/contracts/mode';
import type { ActionQuote } from '../../../../api/contracts/persona';
import { Icon } from '../../lib/icon';
import { ActionDialog } from './action-dialog';

const ICONS: Record<string, IconName> = {
  pay: 'card',
  transfer: 'transfer',
  file_claim: 'file',
  book: 'calendar',
  check_in: 'ticket',
  refill: 'pill',
  reorder: 'cart',
  contact: 'bell',
};

/** The mode's primary actions (Pay, Transfer, Check in …); each opens its confirmation dialog. */
export function ActionBar({ actions, onDone }: { actions: ActionQuote[]; onDone: (quote: ActionQuote) => void }) {
  const [open, setOpen] = useState<ActionQuote | null>(null);
  if (actions.length === 0) return null;
  return (
    <nav class="action-bar" aria-label="Quick actions" data-testid="action-bar">
      {actions.map((a, i) => (
        <button
          key={a.id}
          type="button"
          class={`action-btn${i === 0 ? ' action-btn--primary' : ''}`}
          data-testid="action"
          data-action-kind={a.kind}
          aria-haspopup="dialog"
          onClick={() => setOpen(a)}
        >
          <Icon name={ICONS[a.kind] ?? 'sparkle'} size={18} />
          <span>{a.label}</span>
        </button>
      ))}
      {open && <ActionDialog quote={open} onClose={() => setOpen(null)} onDone={onDone} />}
    </nav>
  );
}
