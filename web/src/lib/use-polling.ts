import { useCallback, useEffect, useRef } from 'preact/hooks';

/**
 * One watch at a time per component: `begin` stops the previous watch (see api/poll.ts `pollUntil`) before starting the next, and
 * unmounting stops whatever is running (no poll ever lands on a component that is gone).
 */
export function usePolling() {
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);
  const stop = useCallback(() => {
    current.current?.abort();
    current.current = null;
  }, []);
  /** A fresh signal for a new watch (aborting the previous one), for steps before the polling starts. */
  const begin = useCallback(() => {
    current.current?.abort();
    const ac = new AbortController();
    current.current = ac;
    return ac.signal;
  }, []);
  return { begin, stop };
}
