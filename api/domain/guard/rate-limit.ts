/**
 * A sliding-window limiter: at most `limit` hits per `windowMs` per key. Memory is bounded: only
 * the newest `maxKeys` keys are kept (least recently used go first), so a flood of made-up
 * session ids cannot grow it without limit. Pure: the caller passes the time.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts a hit if there is room; otherwise says how long until the oldest hit leaves the window. */
  take(key: string, nowMs: number): { ok: true } | { ok: false; retryAfterMs: number } {
    const recent = (this.hits.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    const full = recent.length >= this.limit;
    if (!full) recent.push(nowMs);
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest !== undefined) this.hits.delete(oldest);
    }
    return full
      ? { ok: false, retryAfterMs: Math.max(0, this.windowMs - (nowMs - (recent[0] ?? nowMs))) }
      : { ok: true };
  }

  get size(): number {
    return this.hits.size;
  }
}
