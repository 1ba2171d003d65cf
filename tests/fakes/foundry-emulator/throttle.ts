import * as wire from './wire';

/**
 * A resource over its quota: Azure answers such calls 429 with `retry-after-ms` and `retry-after`
 * and the "exceeded the token rate limit" message (wire.rateLimitError), before doing any work —
 * https://learn.microsoft.com/en-us/microsoft-cloud/dev/dev-proxy/concepts/azure-openai-429-token-rate-limit
 */
export interface ThrottleOptions {
  /** Share of chat completions refused, 0..1. */
  fraction: number;
  /** The `retry-after-ms` sent with each refusal. */
  retryAfterMs: number;
  /** Seed of the deterministic draw (the same run refuses the same calls). */
  seed?: number;
}

/** mulberry32: a small seeded PRNG, so a bench run can be repeated call for call. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides each call: the 429 to answer with, or undefined to serve it. */
export function throttler(options: ThrottleOptions): (deployment: string) => wire.WireError | undefined {
  if (!(options.fraction >= 0 && options.fraction <= 1))
    throw new Error(`throttle fraction must be 0..1, not ${options.fraction}`);
  const draw = seeded(options.seed ?? 429);
  return (deployment) =>
    draw() < options.fraction ? wire.rateLimitError(deployment, options.retryAfterMs) : undefined;
}

/** `EMULATOR_THROTTLE=<fraction>[:<retry-after-ms>]`, e.g. `0.5:500`; unset or empty → not throttled. */
export function throttleFromEnv(value: string | undefined): ThrottleOptions | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^(0(?:\.\d+)?|1(?:\.0+)?)(?::(\d+))?$/.exec(value);
  if (!match) throw new Error(`EMULATOR_THROTTLE must be <fraction 0..1>[:<retry-after-ms>], not "${value}"`);
  return { fraction: Number(match[1]), retryAfterMs: Number(match[2] ?? 1000) };
}
