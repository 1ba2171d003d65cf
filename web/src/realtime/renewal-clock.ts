import { renewalPlan } from './timing';

/**
 * Times the replacement of a voice session before Azure's hard limit (docs/pitfalls.md 2.1: 30 minutes,
 * no warning event) and ticks a countdown during its last minutes.
 */
export class RenewalClock {
  private renewTimer?: ReturnType<typeof setTimeout>;
  private tickTimer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly onRenew: () => void,
    /** Seconds until renewal while the countdown is visible; null when it is not. */
    private readonly onCountdown: (seconds: number | null) => void,
  ) {}

  start(sessionMaxSeconds: number): void {
    this.stop();
    const plan = renewalPlan(sessionMaxSeconds);
    const startedAt = Date.now();
    const renewAt = startedAt + plan.renewAfterMs;
    this.renewTimer = setTimeout(() => {
      this.stopTicking();
      this.onRenew();
    }, plan.renewAfterMs);
    const tick = () => {
      const now = Date.now();
      if (now - startedAt >= plan.countdownAfterMs) this.onCountdown(Math.max(0, (renewAt - now) / 1000));
    };
    this.tickTimer = setInterval(tick, 1000);
    tick();
  }

  stop(): void {
    clearTimeout(this.renewTimer);
    this.stopTicking();
  }

  private stopTicking(): void {
    clearInterval(this.tickTimer);
    this.onCountdown(null);
  }
}
