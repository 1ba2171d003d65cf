/**
 * Runs `work` while `beat` renews the job's lease every `everyMs`. A beat that fails (storage
 * briefly unreachable) is logged and the next one tries again; the work itself is never cut short
 * by a failed beat, and only one beat is in flight at a time. `beat` answers false once the job is
 * no longer this run's (finished or taken over): then beating stops.
 */
export async function withHeartbeat<T>(
  work: () => Promise<T>,
  beat: () => Promise<boolean>,
  everyMs: number,
  log?: (line: string) => void,
): Promise<T> {
  let beating = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (beating || stopped) return;
    beating = true;
    beat()
      .then((mine) => {
        if (!mine) stop();
      })
      .catch((error: unknown) => log?.(`heartbeat failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (beating = false));
  }, everyMs);
  function stop() {
    stopped = true;
    clearInterval(timer);
  }
  try {
    return await work();
  } finally {
    stop();
  }
}
