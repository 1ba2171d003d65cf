import { describe, expect, it } from 'vitest';
import { nextPollDelay } from '../../../web/src/features/modes/poll-backoff';

describe('job polling back-off', () => {
  it('polls soon at first, then backs off to a few seconds: no polling storm', () => {
    const delays: number[] = [];
    let elapsed = 0;
    let wait: number | undefined;
    while (elapsed < 180_000) {
      wait = nextPollDelay(wait);
      delays.push(wait);
      elapsed += wait;
    }
    expect(delays[0]).toBeLessThanOrEqual(500);
    expect(delays.slice(0, 4).reduce((a, b) => a + b, 0)).toBeLessThan(5_000); // a quick job is seen within seconds
    expect(Math.max(...delays)).toBe(5_000);
    expect(delays.length).toBeLessThan(45); // three minutes of waiting costs fewer than 45 requests per visitor
  });
});
