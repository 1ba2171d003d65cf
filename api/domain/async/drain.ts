/**
 * Runs a status-yielding generator to its return value, for callers with nobody to show the
 * statuses to (a queue job, a token request, a structured completion).
 */
export async function drain<T>(generator: AsyncGenerator<unknown, T>): Promise<T> {
  for (;;) {
    const step = await generator.next();
    if (step.done) return step.value;
  }
}
