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
 * client already has every event by then, so nobody waits on storage.
 */
export async function* flushAfter<T>(
  events: AsyncIterable<T>,
  flush: () => Promise<void>,
  timeoutMs = 2_000,
): AsyncGenerator<T> {
  try {
    yield* events;
  } finally {
    await waitAtMost(flush(), timeoutMs);
  }
}
