import { describe, expect, it } from 'vitest';
import { drain } from '../../../../api/domain/async/drain';

describe('drain: a status-yielding call run to its answer', () => {
  it('passes over the statuses and answers with the return value', async () => {
    const seen: string[] = [];
    async function* call(): AsyncGenerator<string, number> {
      seen.push('waiting');
      yield 'waiting for a slot';
      seen.push('retrying');
      yield 'Azure is busy, retrying';
      return 42;
    }
    expect(await drain(call())).toBe(42);
    expect(seen).toEqual(['waiting', 'retrying']);
  });

  it('fails with the call’s own error', async () => {
    async function* call(): AsyncGenerator<string, number> {
      yield 'trying';
      throw new Error('deployment not found');
    }
    await expect(drain(call())).rejects.toThrow('deployment not found');
  });
});
