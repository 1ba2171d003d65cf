import { Icon } from '../../lib/icon';
import type { Notice } from './use-mode-state';

/** A dismissible problem message with an optional Retry, shown above the dashboard. */
export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <div class="notice" role="alert" data-testid="notice">
      <Icon name="alert" size={18} />
      <p>{notice.message}</p>
      {notice.retry && (
        <button type="button" class="btn btn--small btn--outline" onClick={notice.retry}>
          Retry
        </button>
      )}
      <button type="button" class="icon-btn icon-btn--quiet" aria-label="Dismiss" onClick={onDismiss}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
