import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Mode } from '../../../../api/contracts/mode';
import { getJob, isAbort, toApiError } from '../../api/client';
import { modeFromJobResult } from './job-result';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobView {
  jobId: string;
  status: JobState;
  label: string;
  error?: string;
}

const POLL_MS = 1500;
const GIVE_UP_MS = 180_000;

/**
 * Follows a background mode-generation job (announced by a chat `job` event) by polling
 * GET /api/jobs/{id}, and hands the finished mode to `onReady`. A `mode` event makes it moot: stop().
 */
export function useJobWatch(onReady: (mode: Mode | string, label: string) => void) {
  const [job, setJob] = useState<JobView | null>(null);
  const poll = useRef<AbortController | null>(null);
  const ready = useRef(onReady);
  ready.current = onReady;
  useEffect(() => () => poll.current?.abort(), []);

  const stop = useCallback(() => {
    poll.current?.abort();
    poll.current = null;
    setJob(null);
  }, []);

  const watch = useCallback(async (jobId: string, status: JobState, label: string) => {
    if (status === 'done') return;
    poll.current?.abort();
    const ac = new AbortController();
    poll.current = ac;
    setJob({ jobId, status, label });
    if (status === 'failed') return;
    const started = Date.now();
    try {
      while (Date.now() - started < GIVE_UP_MS) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (ac.signal.aborted) return;
        const j = await getJob(jobId, ac.signal);
        if (j.status === 'done') {
          const mode = modeFromJobResult(j.result);
          poll.current = null;
          setJob(mode ? null : { jobId, status: 'failed', label, error: 'The new mode finished but could not be read.' });
          if (mode) ready.current(mode, label);
          return;
        }
        if (j.status === 'failed') {
          const reason = typeof j.error === 'string' ? j.error : (j.error as { message?: string } | undefined)?.message;
          return setJob({ jobId, status: 'failed', label, error: reason ?? 'Generation failed.' });
        }
        setJob({ jobId, status: j.status, label });
      }
      setJob({ jobId, status: 'failed', label, error: 'This is taking longer than expected.' });
    } catch (err) {
      if (!isAbort(err)) setJob({ jobId, status: 'failed', label, error: toApiError(err).message });
    }
  }, []);

  return { job, watch, stop };
}
