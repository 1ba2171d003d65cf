import { ApiError, isAbort, toApiError } from './client';

/**
 * The SPA's one poller, for mode-generation jobs and chart-image jobs alike (GET /api/jobs/{id}):
 * back-off between polls, a bounded number of attempts, abort at any point, and a poll that fails
 * in a way that passes — a 503 `storage_unavailable`, a dropped connection — is tried again after
 * the wait the server asked for (Retry-After) instead of ending the watch. Only a permanent answer
 * (a 4xx, or `settle` saying the job failed) ends it early.
 */
export interface PollPlan<T, R> {
  /** One poll: what is watched, as it stands now. */
  read(signal: AbortSignal): Promise<T>;
  /** The end of the watch (a result or a failure the caller shows), or undefined to poll again. */
  settle(value: T): R | undefined;
  /** The wait before the next poll, from the previous wait (undefined before the first) and the last answer. */
  next(previous: number | undefined, last: T | undefined): number;
  /** At most this many polls; then the watch ends with a retryable `timeout`. */
  maxAttempts: number;
  /** A poll failed but will be tried again (the error), or a poll got through again (null). */
  onTrouble?(error: ApiError | null): void;
}

/** Back-off from `first` by `factor` up to `max`: quick while a job is likely done, cheap while it is not. */
export const backoff =
  (first: number, max: number, factor = 1.6) =>
  (previous: number | undefined): number =>
    previous === undefined ? first : Math.min(max, previous * factor);

/** A server asking for a longer pause than this is still polled after this long (the watch stays bounded). */
const MAX_RETRY_AFTER_MS = 30_000;

export class PollTimedOut extends ApiError {
  constructor() {
    super('timeout', 'This is taking longer than expected.', true);
  }
}

const abortError = () => new DOMException('The watch was stopped.', 'AbortError');

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const stop = () => (clearTimeout(t), reject(abortError()));
    const t = setTimeout(() => (signal.removeEventListener('abort', stop), resolve()), ms);
    signal.addEventListener('abort', stop, { once: true });
  });

/**
 * Polls until `settle` gives a result. Rejects with an ApiError for a permanent poll error or
 * after `maxAttempts` (PollTimedOut), and with an AbortError once `signal` aborts.
 */
export async function pollUntil<T, R>(plan: PollPlan<T, R>, signal: AbortSignal): Promise<R> {
  let wait: number | undefined;
  let last: T | undefined;
  let troubled = false;
  let atLeast = 0;
  for (let attempt = 0; attempt < plan.maxAttempts; attempt++) {
    wait = Math.max(plan.next(wait, last), atLeast);
    atLeast = 0;
    await sleep(wait, signal);
    let value: T;
    try {
      value = await plan.read(signal);
    } catch (err) {
      if (signal.aborted || isAbort(err)) throw abortError();
      const error = toApiError(err);
      if (!error.retryable) throw error;
      troubled = true;
      plan.onTrouble?.(error);
      // Honour Retry-After: the next wait is at least what the server asked for.
      atLeast = Math.min(MAX_RETRY_AFTER_MS, (error.retryAfterSeconds ?? 0) * 1000);
      continue;
    }
    if (signal.aborted) throw abortError();
    if (troubled) {
      troubled = false;
      plan.onTrouble?.(null);
    }
    last = value;
    const done = plan.settle(value);
    if (done !== undefined) return done;
  }
  throw new PollTimedOut();
}
