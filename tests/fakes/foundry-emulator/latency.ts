/** How long the emulator makes a client wait, per kind of deployment. */
export interface LatencyProfile {
  /** Chat deployments (model-router and plain chat models). */
  chat: { firstTokenMs: number; tokensPerSecond: number };
  /** Reasoning deployments: hidden reasoning tokens are produced, at the same rate, before the first visible one. */
  reasoning: { firstTokenMs: number; tokensPerSecond: number };
  /** One generated image. */
  imageMs: number;
}

/** Tests and `npm run bench` by default: answers as fast as the emulator can make them. */
export const NO_LATENCY: LatencyProfile = {
  chat: { firstTokenMs: 0, tokensPerSecond: Infinity },
  reasoning: { firstTokenMs: 0, tokensPerSecond: Infinity },
  imageMs: 0,
};

/**
 * Close to the real service, so people feel real waits: GPT-5-class on Azure ~1.7 s to the first
 * token and ~155 output tokens/s, reasoning tokens spent before the first visible one (Artificial
 * Analysis' provider benchmark, artificialanalysis.ai, GPT-5 (minimal) on Azure);
 * the chat model (model-router routing to small models) ~0.8 s and ~100 tokens/s; an image ~12 s
 * (Learn: "Image generation typically takes 10-30 seconds", https://learn.microsoft.com/azure/foundry/openai/how-to/dall-e;
 * low quality at the fast end).
 */
export const REALISTIC_LATENCY: LatencyProfile = {
  chat: { firstTokenMs: 800, tokensPerSecond: 100 },
  reasoning: { firstTokenMs: 1700, tokensPerSecond: 155 },
  imageMs: 12_000,
};

/** `EMULATOR_LATENCY` / the bench's flag: unset or `none` → no latency, `realistic` → REALISTIC_LATENCY. */
export function latencyProfile(name: string | undefined): LatencyProfile {
  if (name === undefined || name === '' || name === 'none') return NO_LATENCY;
  if (name === 'realistic') return REALISTIC_LATENCY;
  throw new Error(`EMULATOR_LATENCY must be "realistic" or "none", not "${name}"`);
}

/** Milliseconds to produce `tokens` at `tokensPerSecond` (0 when unlimited). */
export const tokenMs = (tokens: number, tokensPerSecond: number): number =>
  Number.isFinite(tokensPerSecond) && tokensPerSecond > 0 ? (tokens * 1000) / tokensPerSecond : 0;
