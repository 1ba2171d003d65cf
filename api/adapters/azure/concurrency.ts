import { UpstreamUnavailable } from '../../domain/errors';
import { abortReason } from './retry';

/**
 * A counting semaphore: at most `max` calls in flight per deployment from this instance, so one
 * busy demo cannot burst a deployment's sub-minute limit (docs/pitfalls.md 4.2). Waiting is bounded too.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly max: number,
    private readonly maxWaitMs = 30_000,
  ) {}

  /** A slot now, or undefined when all are taken. */
  tryAcquire(): (() => void) | undefined {
    if (this.active >= this.max) return undefined;
    this.active++;
    return this.releaser();
  }

  /** Waits for a slot, up to maxWaitMs; then a retryable UpstreamUnavailable, never a hang. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    const now = this.tryAcquire();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve(this.releaser());
      };
      const drop = (error: Error) => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(error);
      };
      const onAbort = () => {
        clearTimeout(timer);
        drop(abortReason(signal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        drop(new UpstreamUnavailable('Too many requests to Azure OpenAI right now. Please try again shortly.'));
      }, this.maxWaitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  get inFlight(): number {
    return this.active;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }
}

/** One limiter per deployment name. */
export class DeploymentLimiters {
  private readonly limiters = new Map<string, ConcurrencyLimiter>();

  constructor(
    private readonly max: number,
    private readonly maxWaitMs?: number,
  ) {}

  for(deployment: string): ConcurrencyLimiter {
    let limiter = this.limiters.get(deployment);
    if (!limiter) {
      limiter = new ConcurrencyLimiter(this.max, this.maxWaitMs);
      this.limiters.set(deployment, limiter);
    }
    return limiter;
  }
}
