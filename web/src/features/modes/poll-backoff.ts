/** First poll soon (offline generation takes about a second), then back off so a slow job costs few requests. */
export const FIRST_POLL_MS = 500;
export const MAX_POLL_MS = 5_000;
const BACKOFF = 1.6;

/** The wait before the next poll: grows by 1.6× from FIRST_POLL_MS up to MAX_POLL_MS. */
export function nextPollDelay(previous: number | undefined): number {
  return previous === undefined ? FIRST_POLL_MS : Math.min(MAX_POLL_MS, previous * BACKOFF);
}
