import { describe, expect, it } from 'vitest';
import { getDeps, setDepsForTesting } from '../../api/deps';

describe('getDeps', () => {
  it('builds adapters once per process (docs/pitfalls.md 6.2)', () => {
    setDepsForTesting(undefined);
    const first = getDeps();
    const second = getDeps();
    expect(second).toBe(first);
    expect(second.store).toBe(first.store);
    expect(second.chatModel).toBe(first.chatModel);
    setDepsForTesting(undefined);
  });
});
