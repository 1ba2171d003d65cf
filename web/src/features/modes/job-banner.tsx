import { Icon } from '../../lib/icon';
import type { JobView } from './use-job-watch';

/** Progress (or failure with Retry) of a new industry being designed in the background. */
export function JobBanner({ job, onRetry, onDismiss }: { job: JobView; onRetry: () => void; onDismiss: () => void }) {
  const failed = job.status === 'failed';
  return (
    <div
      class={`job-banner${failed ? ' job-banner--failed' : ''}`}
      data-testid="job-status"
      data-status={job.status}
      role={failed ? 'alert' : 'status'}
    >
      {failed ? <Icon name="alert" size={18} /> : <span class="spinner spinner--small" aria-hidden="true" />}
      <p>
        <strong>{failed ? `Couldn't design ${job.label}` : `Designing ${job.label}…`}</strong>{' '}
        {failed
          ? job.error
          : job.brand
            ? 'Its look is ready; the KPIs and charts are being filled in. Questions asked meanwhile are answered as soon as it is ready.'
            : 'A brand-new mode is being designed; questions asked meanwhile are answered in it once it is ready. It is saved for every later visitor.'}
        {job.trouble && (
          <span class="job-banner__trouble" data-testid="job-trouble">
            {' '}
            {job.trouble}
          </span>
        )}
      </p>
      {failed && (
        <>
          {!job.final && (
            <button type="button" class="btn btn--small btn--outline" data-testid="job-retry" onClick={onRetry}>
              Retry
            </button>
          )}
          <button type="button" class="icon-btn icon-btn--quiet" aria-label="Dismiss" onClick={onDismiss}>
            <Icon name="close" size={16} />
          </button>
        </>
      )}
    </div>
  );
}
