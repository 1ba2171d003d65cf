import { useEffect, useState } from 'preact/hooks';
import type { ChartImage, ChartJob } from '../../../../api/contracts/charts';
import { createChartImage, getChartJob } from '../../api/charts';
import { isAbort, toApiError } from '../../api/client';
import { backoff, pollUntil } from '../../api/poll';
import type { IllustrateTarget } from './illustrate-context';

/** `retryable`: pressing Illustrate again can work now (not after a daily limit, say). */
export type ChartImageState =
  | { status: 'painting' }
  | { status: 'ready'; image: ChartImage }
  | { status: 'failed'; message: string; retryable: boolean };

/** First poll soon (a cached or offline image takes well under a second), then back off to 4 s: about 3 minutes in all. */
const nextPoll = backoff(400, 4_000);
const MAX_POLLS = 50;

/**
 * Asks POST /api/charts for the image once per mount: a stored image arrives at once (200);
 * otherwise the job is followed on GET /api/jobs/{id} (api/poll.ts: back-off, a passing outage
 * polled through) until it is done. Leaving the card aborts everything.
 */
export function useChartImage(target: IllustrateTarget, datasetIds: string[]): ChartImageState {
  const [state, setState] = useState<ChartImageState>({ status: 'painting' });
  const ids = datasetIds.join(',');
  useEffect(() => {
    const ac = new AbortController();
    const run = async (): Promise<ChartImageState> => {
      const first = await createChartImage(
        { modeId: target.modeId, personaSeed: target.personaSeed, datasetIds: ids.split(',') },
        ac.signal,
      );
      if (first.kind === 'ready') return { status: 'ready', image: first.image };
      return pollUntil<ChartJob, ChartImageState>(
        {
          read: (signal) => getChartJob(first.jobId, signal),
          settle: (job) =>
            job.status === 'done' && job.result
              ? { status: 'ready', image: job.result }
              : job.status === 'failed'
                ? {
                    status: 'failed',
                    message: job.error?.message ?? 'Painting this chart failed.',
                    retryable: job.error?.retryable ?? true,
                  }
                : undefined,
          next: nextPoll,
          maxAttempts: MAX_POLLS,
        },
        ac.signal,
      );
    };
    run().then(
      (next) => !ac.signal.aborted && setState(next),
      (err: unknown) => {
        if (ac.signal.aborted || isAbort(err)) return;
        const error = toApiError(err);
        setState({ status: 'failed', message: error.message, retryable: error.retryable });
      },
    );
    return () => ac.abort();
  }, [target.modeId, target.personaSeed, ids]);
  return state;
}
