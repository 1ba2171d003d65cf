import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { JobBrand, JobStatus } from '../../../../api/contracts/jobs';
import { createMode, getJob, isAbort, toApiError } from '../../api/client';
import { modeIdOf } from './job-result';
import { nextPollDelay } from './poll-backoff';

export type JobState = JobStatus;

/** What Retry sends again (POST /api/modes), and the name shown while waiting. */
export interface JobRequest {
  industry: string;
  companyName: string | null;
  label: string;
}

export interface JobView {
  jobId: string;
  status: JobState;
  label: string;
  error?: string;
  /** Failed in a way Retry cannot fix now (e.g. the day's new-industry budget is spent). */
  final?: boolean;
  /** The design's look, once its brand step is done (issue #12): shown while the rest is made. */
  brand?: JobBrand;
}

/** What a watcher hears besides "ready": the brand when it lands, and a failure (to roll the brand back). */
export interface JobProgress {
  onBrand?(brand: JobBrand, jobId: string): void;
  onFailed?(jobId: string): void;
}

/**
 * While a design runs, poll at least this often (GET /api/jobs is unmetered and tiny): before the
 * brand, which is the moment people wait for, and then until the dashboard, a few seconds later;
 * plain back-off would leave a finished mode unseen for up to MAX_POLL_MS.
 */
const BRAND_POLL_MS = 400;
const DETAILS_POLL_MS = 1_000;

const GIVE_UP_MS = 180_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * Follows a background mode-generation job (announced by a chat `job` event) by polling
 * GET /api/jobs/{id} with exponential back-off (quicker until the brand is in), hands the design's
 * brand to `progress.onBrand` as soon as the job has it, and the finished mode's id to `onReady`;
 * a failure after the brand calls `progress.onFailed` so the page can roll the look back.
 * The current mode stays usable throughout. `retry` asks for the mode again (POST /api/modes),
 * which starts a fresh job or returns the mode if someone else's run has finished meanwhile.
 */
export function useJobWatch(onReady: (modeId: string, label: string) => void, progress: JobProgress = {}) {
  const [job, setJob] = useState<JobView | null>(null);
  const poll = useRef<AbortController | null>(null);
  const request = useRef<JobRequest | null>(null);
  const ready = useRef(onReady);
  ready.current = onReady;
  const heard = useRef(progress);
  heard.current = progress;
  useEffect(() => () => poll.current?.abort(), []);

  const stop = useCallback(() => {
    poll.current?.abort();
    poll.current = null;
    setJob(null);
  }, []);

  const follow = useCallback(async (jobId: string, status: JobState, label: string, ac: AbortController) => {
    setJob({ jobId, status, label });
    const started = Date.now();
    let wait = nextPollDelay(undefined);
    let brand: JobBrand | undefined;
    const failed = (view: JobView) => {
      setJob(view);
      heard.current.onFailed?.(jobId);
    };
    try {
      while (Date.now() - started < GIVE_UP_MS) {
        await sleep(wait, ac.signal);
        if (ac.signal.aborted) return;
        wait = Math.min(brand ? DETAILS_POLL_MS : BRAND_POLL_MS, nextPollDelay(wait));
        const j = await getJob(jobId, ac.signal);
        if (ac.signal.aborted) return;
        if (j.brand && !brand && (j.status === 'queued' || j.status === 'running')) {
          brand = j.brand;
          // The rest is a few seconds away: back off from the start again.
          wait = nextPollDelay(undefined);
          heard.current.onBrand?.(j.brand, jobId);
        }
        if (j.status === 'done') {
          const modeId = modeIdOf(j);
          poll.current = null;
          if (!modeId)
            return failed({ jobId, status: 'failed', label, error: 'The new mode finished but could not be read.' });
          setJob(null);
          ready.current(modeId, label);
          return;
        }
        if (j.status === 'failed')
          return failed({ jobId, status: 'failed', label, error: j.error?.message ?? 'Generation failed.' });
        setJob({ jobId, status: j.status, label, ...(brand ? { brand } : {}) });
      }
      failed({ jobId, status: 'failed', label, error: 'This is taking longer than expected.' });
    } catch (err) {
      if (!isAbort(err) && !ac.signal.aborted)
        failed({ jobId, status: 'failed', label, error: toApiError(err).message });
    }
  }, []);

  const watch = useCallback(
    async (jobId: string, status: JobState, req: JobRequest) => {
      if (status === 'done') return;
      poll.current?.abort();
      const ac = new AbortController();
      poll.current = ac;
      request.current = req;
      await follow(jobId, status, req.label, ac);
    },
    [follow],
  );

  const retry = useCallback(async () => {
    const req = request.current;
    if (!req) return;
    poll.current?.abort();
    const ac = new AbortController();
    poll.current = ac;
    setJob({ jobId: '', status: 'queued', label: req.label });
    try {
      const outcome = await createMode({ industry: req.industry, companyName: req.companyName }, ac.signal);
      if (ac.signal.aborted) return;
      if (outcome.kind === 'ready') {
        poll.current = null;
        setJob(null);
        ready.current(outcome.mode.id, req.label);
        return;
      }
      await follow(outcome.jobId, 'queued', req.label, ac);
    } catch (err) {
      if (isAbort(err) || ac.signal.aborted) return;
      const error = toApiError(err);
      // A daily limit reached on retry: pressing Retry again cannot work until it lifts.
      setJob({
        jobId: '',
        status: 'failed',
        label: req.label,
        error: error.message,
        ...(error.retryable ? {} : { final: true }),
      });
    }
  }, [follow]);

  return { job, watch, retry, stop };
}
