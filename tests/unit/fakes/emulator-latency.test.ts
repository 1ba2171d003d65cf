import { describe, expect, it } from 'vitest';
import { paceOf } from '../../fakes/foundry-emulator/chat-completions';
import { defaultDeployments, latencyProfile, NO_LATENCY, REALISTIC_LATENCY } from '../../fakes/foundry-emulator';

// The emulator's latency profile (issue #11 item 7): waits close to Azure's so people feel them,
// zero by default so tests stay fast. Schedules are checked, never measured (no timed assertions).

const deployment = (name: string) => defaultDeployments().find((d) => d.name === name)!;
const completion = (reasoningTokens?: number) => ({
  text: 'hello',
  calls: [],
  finish: 'stop',
  model: 'm',
  ...(reasoningTokens !== undefined ? { reasoningTokens } : {}),
});

describe('emulator latency profiles', () => {
  it('is off unless asked for: EMULATOR_LATENCY unset or none', () => {
    expect(latencyProfile(undefined)).toBe(NO_LATENCY);
    expect(latencyProfile('none')).toBe(NO_LATENCY);
    expect(paceOf(completion(500), deployment('gpt-5-mini'), NO_LATENCY)).toEqual({
      firstMs: 0,
      tokensPerSecond: Infinity,
    });
  });

  it('realistic: the chat model answers after ~0.8 s at ~100 tokens/s', () => {
    expect(latencyProfile('realistic')).toBe(REALISTIC_LATENCY);
    expect(paceOf(completion(), deployment('model-router'), REALISTIC_LATENCY)).toEqual({
      firstMs: 800,
      tokensPerSecond: 100,
    });
  });

  it('realistic: gpt-5-class waits ~1.7 s plus its hidden reasoning (at 155 tokens/s) before the first visible token', () => {
    const pace = paceOf(completion(1550), deployment('gpt-5-mini'), REALISTIC_LATENCY);
    expect(pace).toEqual({ firstMs: 1700 + 10_000, tokensPerSecond: 155 });
    expect(REALISTIC_LATENCY.imageMs).toBe(12_000);
  });

  it('a misspelt EMULATOR_LATENCY is named, not ignored', () => {
    expect(() => latencyProfile('fast')).toThrow(/EMULATOR_LATENCY must be "realistic" or "none", not "fast"/);
  });
});
