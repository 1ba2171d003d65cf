import type { CheckResult, TokenUsage } from './report';

/** What a passing (or skipped) check reports; a failing one throws. */
export interface CheckPass {
  outcome: 'ok' | 'skipped';
  detail: string;
  usage?: TokenUsage | undefined;
}

/** A failure the check understood: what happened and what to change. */
export class CheckFailed extends Error {
  override name = 'CheckFailed';
  constructor(
    message: string,
    readonly fix?: string,
    readonly usage?: TokenUsage,
  ) {
    super(message);
  }
}

export interface Check {
  id: string;
  title: string;
  /** Past this the row fails as timed out (each call inside is also capped). */
  timeoutMs: number;
  run(signal: AbortSignal): Promise<CheckPass>;
  /** Turns an unexpected error into a message and the setting to fix. */
  explain(error: unknown): { detail: string; fix?: string | undefined };
  /** Token usage seen so far, for a row that failed or timed out half-way. */
  usage?(): TokenUsage | undefined;
}

/**
 * Runs every check at once (they use different deployments and services, so the run takes as long
 * as the slowest, not the sum), each bounded by its own timeout and by the run's deadline. A
 * failure never stops the others.
 */
export async function runChecks(
  checks: Check[],
  options: { deadlineMs: number; now?: () => number },
): Promise<CheckResult[]> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  return Promise.all(
    checks.map(async (check): Promise<CheckResult> => {
      const budget = Math.max(1000, Math.min(check.timeoutMs, options.deadlineMs - (now() - started)));
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new TimedOut(budget));
        }, budget);
      });
      const t0 = now();
      const base = { id: check.id, title: check.title };
      try {
        const pass = await Promise.race([check.run(controller.signal), timeout]);
        return { ...base, ...pass, latencyMs: now() - t0 };
      } catch (error) {
        const latencyMs = now() - t0;
        const usage = error instanceof CheckFailed ? (error.usage ?? check.usage?.()) : check.usage?.();
        const explained =
          error instanceof CheckFailed
            ? { detail: error.message, fix: error.fix }
            : error instanceof TimedOut
              ? { detail: error.message, fix: check.explain(error).fix }
              : check.explain(error);
        return {
          ...base,
          outcome: 'failed',
          latencyMs,
          detail: explained.detail,
          ...(explained.fix ? { fix: explained.fix } : {}),
          ...(usage ? { usage } : {}),
        };
      } finally {
        clearTimeout(timer);
        controller.abort();
      }
    }),
  );
}

export class TimedOut extends Error {
  override name = 'TimedOut';
  constructor(readonly afterMs: number) {
    super(`no answer within ${Math.round(afterMs / 1000)} s`);
  }
}
