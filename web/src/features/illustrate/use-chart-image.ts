import { useEffect, useState } from 'preact/hooks';
import type { ChartImage } from '../../../../api/contracts/charts';
import { createChartImage, getChartJob } from '../../api/charts';
import { isAbort, toApiError } from '../../api/client';
import type { IllustrateTarget } from './illustrate-context';

/** `retryable`: pressing Illustrate again can work now (not after a daily limit, say). */
export type ChartImageState =
  | { status: 'painting' }
  | { status: 'ready'; image: ChartImage }
  | { status: 'failed'; message: string; retryable: boolean };

/** First poll soon (a cached or offline image takes well under a second), then back off. */
const FIRST_POLL_MS = 400;
const MAX_POLL_MS = 4_000;
const GIVE_UP_MS = 180_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * Asks POST /api/charts for the image once per mount: a stored image arrives at once (200);
 * otherwise the job is followed on GET /api/jobs/{id} with backed-off polling until it is done.
 * Leaving the card aborts everything.
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
      const started = Date.now();
      for (let wait = FIRST_POLL_MS; Date.now() - started < GIVE_UP_MS; wait = Math.min(MAX_POLL_MS, wait * 1.6)) {
        await sleep(wait, ac.signal);
        if (ac.signal.aborted) break;
        const job = await getChartJob(first.jobId, ac.signal);
        if (job.status === 'done' && job.result) return { status: 'ready', image: job.result };
        if (job.status === 'failed')
          return {
            status: 'failed',
            message: job.error?.message ?? 'Painting this chart failed.',
            retryable: job.error?.retryable ?? true,
          };
      }
      return { status: 'failed', message: 'This is taking longer than expected.', retryable: true };
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
