/** Waits for `work` but never longer than `timeoutMs`, and never throws. */
export async function waitAtMost(work: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([work.catch(() => undefined), timeout]);
  clearTimeout(timer);
}

/**
 * Passes a stream through, then waits (briefly) for background writes such as audit lines before
 * the response ends: the platform may freeze an instance once its invocation is over, and the
 * client already has every event by then, so nobody waits on storage. The wait happens however
 * the stream ends: finished, failed, or closed early by the client.
 *
 * A plain iterator rather than an async generator: every event of a streamed answer passes here,
 * and a generator's `yield*` costs a resumption and an extra promise per event for nothing.
 */
export function flushAfter<T>(
  events: AsyncIterable<T>,
  flush: () => Promise<void>,
  timeoutMs = 2_000,
): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = events[Symbol.asyncIterator]();
      let flushed: Promise<void> | undefined;
      const settle = () => (flushed ??= waitAtMost(flush(), timeoutMs));
      return {
        next: () =>
          source.next().then(
            (result) => (result.done ? settle().then(() => result) : result),
            (error: unknown) =>
              settle().then(() => {
                throw error;
              }),
          ),
        return: async (value?: unknown) => {
          try {
            return (await source.return?.(value)) ?? { done: true, value: undefined };
          } finally {
            await settle();
          }
        },
      };
    },
  };
}
