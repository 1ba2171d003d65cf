import { useCallback, useEffect, useState } from 'preact/hooks';
import { type ApiError, isAbort, toApiError } from '../api/client';

export interface FetchState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads once on mount (and on reload()), with abort on unmount and a typed error.
 * With `retryMs`, a failed load is retried on that interval (e.g. health while the API starts).
 */
export function useFetch<T>(load: (signal: AbortSignal) => Promise<T>, retryMs?: number): FetchState<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<FetchState<T>, 'reload'>>({ data: null, error: null, loading: true });
  useEffect(() => {
    const ac = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(ac.signal)
      .then((data) => setState({ data, error: null, loading: false }))
      .catch((err: unknown) => {
        if (!isAbort(err)) setState({ data: null, error: toApiError(err), loading: false });
      });
    return () => ac.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  useEffect(() => {
    if (!state.error || !retryMs) return;
    const t = setTimeout(reload, retryMs);
    return () => clearTimeout(t);
  }, [state.error, retryMs]);
  return { ...state, reload };
}
