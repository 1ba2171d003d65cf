import { Icon } from '../../lib/icon';

export type Pane = 'chat' | 'stage';

interface Props {
  pane: Pane;
  /** Charts the assistant added while the conversation was in front. */
  unseen: number;
  hasMode: boolean;
  onChat: () => void;
  onStage: () => void;
}

/** Phones only (layout.css): the assistant and the dashboard, each one tap away. */
export function PaneSwitch({ pane, unseen, hasMode, onChat, onStage }: Props) {
  return (
    <nav class="pane-switch" aria-label="View">
      <button
        type="button"
        class="pane-switch__btn"
        data-testid="pane-chat"
        aria-pressed={pane === 'chat'}
        aria-controls="chat-panel"
        onClick={onChat}
      >
        <Icon name="sparkle" size={16} /> Assistant
      </button>
      <button
        type="button"
        class="pane-switch__btn"
        data-testid="pane-stage"
        aria-pressed={pane === 'stage'}
        aria-controls="stage"
        onClick={onStage}
      >
        <Icon name="chart" size={16} /> {hasMode ? 'Dashboard' : 'Start'}
        {unseen > 0 && (
          <span class="pane-switch__badge" data-testid="pane-unseen">
            {unseen}
            <span class="sr-only"> new {unseen === 1 ? 'chart' : 'charts'}</span>
          </span>
        )}
      </button>
    </nav>
  );
}
