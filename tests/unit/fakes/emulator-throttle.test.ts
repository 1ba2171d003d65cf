import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFoundryEmulator, type FoundryEmulator } from '../../fakes/foundry-emulator/emulator';
import { throttleFromEnv } from '../../fakes/foundry-emulator/throttle';

// The emulator's throttle (issue #16 item 3): a share of chat completions answered like an Azure
// resource over its quota — 429, retry-after-ms, retry-after and Azure's wording — for the storm bench.

let emulator: FoundryEmulator;
beforeAll(async () => {
  emulator = await startFoundryEmulator({ throttle: { fraction: 0.5, retryAfterMs: 700, seed: 7 } });
});
afterAll(async () => emulator?.stop());

const ask = () =>
  fetch(`${emulator.url}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'api-key': emulator.apiKey },
    body: JSON.stringify({ model: 'model-router', messages: [{ role: 'user', content: 'hello' }] }),
  });

describe('emulator throttle', () => {
  it('answers about the asked share of chat completions 429 with retry-after-ms, the rest normally', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await ask();
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after-ms')).toBe('700');
        expect(res.headers.get('retry-after')).toBe('1');
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('429');
        expect(body.error.message).toMatch(/exceeded the token rate limit/);
      } else await res.body?.cancel();
    }
    const throttled = statuses.filter((s) => s === 429).length;
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(throttled).toBeGreaterThan(15);
    expect(throttled).toBeLessThan(45);
  });

  it('reads EMULATOR_THROTTLE as <fraction>[:<retry-after-ms>] and refuses anything else', () => {
    expect(throttleFromEnv(undefined)).toBeUndefined();
    expect(throttleFromEnv('')).toBeUndefined();
    expect(throttleFromEnv('0.5:500')).toEqual({ fraction: 0.5, retryAfterMs: 500 });
    expect(throttleFromEnv('1')).toEqual({ fraction: 1, retryAfterMs: 1000 });
    expect(() => throttleFromEnv('half')).toThrow(/EMULATOR_THROTTLE/);
    expect(() => throttleFromEnv('1.5')).toThrow(/EMULATOR_THROTTLE/);
  });
});
