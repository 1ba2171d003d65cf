import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Job, JobBrand, JobStatus } from '../../../../api/contracts/jobs';
import { createMode, getJob, isAbort, toApiError } from '../../api/client';
import { pollUntil } from '../../api/poll';
import { clearInflightJob, loadInflightJob, saveInflightJob, type InflightJob } from '../../lib/inflight-job';
import { usePolling } from '../../lib/use-polling';
import { modeIdOf } from './job-result';

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
  /** Polls are failing for now (storage down, connection lost) and are being tried again. */
  trouble?: string;
}

/** Why a watch ended without a mode: the job failed, or the server does not know it (404, e.g. after a reload). */
export type JobEnd = 'failed' | 'unknown';

/** What a watcher hears besides "ready": the brand when it lands, and the end of a watch that produced no mode. */
export interface JobProgress {
  /** `resumed`: the look was on screen before a reload; paint it again at once, with no transition. */
  onBrand?(brand: JobBrand, jobId: string, resumed: boolean): void;
  onFailed?(jobId: string, why: JobEnd): void;
}

/** Where a watch starts from: the look already known (job event, or saved before a reload). */
export interface WatchFrom {
  brand?: JobBrand;
  resumed?: boolean;
}

/**
 * While a design runs, poll often (GET /api/jobs is unmetered and tiny): before the brand, the
 * moment people wait for, every 0.2 s for the first seconds — its call started on the command's
 * words, it lands about 1.5 s after the job event (issue #12), and half a poll interval is the
 * average wait added to it — then every 0.4 s; every second until the dashboard, a few seconds
 * later. A design that takes far longer than that backs off to 5 s; the watch ends after MAX_POLLS
 * (about three minutes).
 */
const BRAND_RUSH_POLL_MS = 200;
const BRAND_RUSH_POLLS = 20;
const BRAND_POLL_MS = 400;
const DETAILS_POLL_MS = 1_000;
const SLOW_POLL_MS = 5_000;
const QUICK_POLLS = 25;
const MAX_POLLS = 60;

function pollPlan() {
  let attempt = 0;
  return (previous: number | undefined, last: Job | undefined) => {
    attempt++;
    const quick = last?.brand ? DETAILS_POLL_MS : attempt <= BRAND_RUSH_POLLS ? BRAND_RUSH_POLL_MS : BRAND_POLL_MS;
    return attempt <= QUICK_POLLS || previous === undefined ? quick : Math.min(SLOW_POLL_MS, previous * 1.6);
  };
}

/**
 * Follows a background mode-generation job (announced by a chat `job` event) by polling
 * GET /api/jobs/{id} through the one poller (api/poll.ts: a passing outage is polled through),
 * hands the design's brand to `progress.onBrand` as soon as it is known (on the job event itself
 * when the job already had one), and the finished mode's id to `onReady`; a failure calls
 * `progress.onFailed` so the page can roll the look back. The job is kept per tab
 * (lib/inflight-job.ts), so a reload resumes the watch. `retry` asks for the mode again
 * (POST /api/modes), which starts a fresh job or returns the mode if another run has finished.
 */
export function useJobWatch(onReady: (modeId: string, label: string) => void, progress: JobProgress = {}) {
  const [job, setJob] = useState<JobView | null>(null);
  const { begin, stop: stopPolling } = usePolling();
  const request = useRef<JobRequest | null>(null);
  const ready = useRef(onReady);
  ready.current = onReady;
  const heard = useRef(progress);
  heard.current = progress;

  const stop = useCallback(() => {
    stopPolling();
    clearInflightJob();
    setJob(null);
  }, [stopPolling]);

  const follow = useCallback(
    async (jobId: string, status: JobState, req: JobRequest, signal: AbortSignal, known: WatchFrom = {}) => {
      const { label } = req;
      let brand = known.brand;
      const keep = () =>
        saveInflightJob({
          jobId,
          industry: req.industry,
          companyName: req.companyName,
          label,
          ...(brand ? { brand } : {}),
        });
      const view = (patch: Partial<JobView> = {}): JobView => ({
        jobId,
        status,
        label,
        ...(brand ? { brand } : {}),
        ...patch,
      });
      const failed = (error: string, final = false) => {
        clearInflightJob();
        setJob({ jobId, status: 'failed', label, error, ...(final ? { final } : {}) });
        heard.current.onFailed?.(jobId, 'failed');
      };
      keep();
      setJob(view());
      if (brand) heard.current.onBrand?.(brand, jobId, Boolean(known.resumed));
      let outcome: { modeId: string } | { error: string };
      try {
        outcome = await pollUntil<Job, { modeId: string } | { error: string }>(
          {
            read: (s) => getJob(jobId, s),
            settle(j) {
              if (j.status === 'done') {
                const modeId = modeIdOf(j);
                return modeId ? { modeId } : { error: 'The new mode finished but could not be read.' };
              }
              if (j.status === 'failed') return { error: j.error?.message ?? 'Generation failed.' };
              status = j.status;
              if (j.brand && !brand) {
                brand = j.brand;
                keep();
                heard.current.onBrand?.(j.brand, jobId, false);
              }
              setJob(view());
              return undefined;
            },
            next: pollPlan(),
            maxAttempts: MAX_POLLS,
            onTrouble: (error) =>
              setJob(view(error ? { trouble: `${error.message.replace(/\.+$/, '')}. Still trying…` } : {})),
          },
          signal,
        );
      } catch (err) {
        if (isAbort(err) || signal.aborted) return;
        const error = toApiError(err);
        if (error.status === 404) {
          // Unknown to the server (a stale tab, storage reset): nothing to show or to retry.
          clearInflightJob();
          setJob(null);
          heard.current.onFailed?.(jobId, 'unknown');
          return;
        }
        return failed(error.message);
      }
      if (signal.aborted) return;
      if ('error' in outcome) return failed(outcome.error);
      clearInflightJob();
      setJob(null);
      ready.current(outcome.modeId, label);
    },
    [],
  );

  const watch = useCallback(
    async (jobId: string, status: JobState, req: JobRequest, from: WatchFrom = {}) => {
      if (status === 'done') return;
      request.current = req;
      await follow(jobId, status, req, begin(), from);
    },
    [follow, begin],
  );

  // A reload during a design: keep watching it, from the look it had when the page went.
  useEffect(() => {
    const saved: InflightJob | null = loadInflightJob();
    if (!saved) return;
    const { jobId, brand, ...req } = saved;
    void watch(jobId, 'running', req, { ...(brand ? { brand } : {}), resumed: true });
  }, [watch]);

  const retry = useCallback(async () => {
    const req = request.current;
    if (!req) return;
    const signal = begin();
    setJob({ jobId: '', status: 'queued', label: req.label });
    try {
      const outcome = await createMode({ industry: req.industry, companyName: req.companyName }, signal);
      if (signal.aborted) return;
      if (outcome.kind === 'ready') {
        setJob(null);
        ready.current(outcome.mode.id, req.label);
        return;
      }
      await follow(outcome.jobId, 'queued', req, signal);
    } catch (err) {
      if (isAbort(err) || signal.aborted) return;
      const error = toApiError(err);
      // A daily limit reached on retry: pressing Retry again cannot work until it lifts.
      setJob({
        jobId: '',
        status: 'failed',
        label: req.label,
        error: error.message,
        ...(error.retryable ? {} : { final: true }),
      });
      // Nothing is being designed now: questions held for it are answered in the current mode.
      heard.current.onFailed?.('', 'failed');
    }
  }, [follow, begin]);

  return { job, watch, retry, stop };
}
