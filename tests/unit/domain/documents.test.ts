import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { claimJob, updateDocument, type JobClaim } from '../../../api/domain/documents';
import { MemoryDocumentStore } from '../../fakes/memory-document-store';

const Run = z.object({ token: z.string(), status: z.enum(['queued', 'failed']) });
type Run = z.infer<typeof Run>;

function claim(store: MemoryDocumentStore, token: string, extra: Partial<JobClaim<Run>> = {}) {
  const started: Run[] = [];
  const result = claimJob(store, {
    path: 'jobs/x.json',
    schema: Run,
    fresh: (): Run => ({ token, status: 'queued' }),
    restartable: async (job) => job.status === 'failed',
    start: async (job) => (started.push(job), job),
    unpaid: (job): Run => ({ ...job, status: 'failed' }),
    busy: 'busy',
    ...extra,
  });
  return { result, started };
}

describe('claimJob: one run per document', () => {
  it('ten callers at once: one starts the run, nine join it', async () => {
    const store = new MemoryDocumentStore();
    const claims = Array.from({ length: 10 }, (_, i) => claim(store, `t${i}`));
    const results = await Promise.all(claims.map((c) => c.result));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.job.token)).size).toBe(1);
    expect(claims.flatMap((c) => c.started)).toHaveLength(1);
  });

  it('a failed run or a corrupt document is replaced by a new one', async () => {
    const store = new MemoryDocumentStore();
    await store.putJson('jobs/x.json', { token: 'old', status: 'failed' });
    expect(await claim(store, 'new').result).toMatchObject({ created: true, job: { token: 'new' } });
    await store.putJson('jobs/x.json', { nonsense: true });
    expect(await claim(store, 'newer').result).toMatchObject({ created: true, job: { token: 'newer' } });
  });

  it('asks the budget only of a caller who starts a run; a refused run is failed, never started', async () => {
    const store = new MemoryDocumentStore();
    let asked = 0;
    const pay = async () => void asked++;
    await claim(store, 'first', { beforeStart: pay }).result;
    expect((await claim(store, 'joiner', { beforeStart: pay }).result).created).toBe(false);
    expect(asked).toBe(1);
    const refusing = new MemoryDocumentStore();
    const refused = claim(refusing, 'broke', { beforeStart: async () => Promise.reject(new Error('budget spent')) });
    await expect(refused.result).rejects.toThrow('budget spent');
    expect(refused.started).toEqual([]);
    // Nobody waits on it: the next caller (with a budget) starts a new run.
    expect(await refusing.getJson('jobs/x.json')).toEqual({ token: 'broke', status: 'failed' });
    expect(await claim(refusing, 'rich', { beforeStart: pay }).result).toMatchObject({ created: true });
  });

  it('twenty callers racing for one job: exactly one is asked to pay, whatever the interleaving', async () => {
    for (let round = 0; round < 20; round++) {
      const store = new MemoryDocumentStore();
      let asked = 0;
      // Each budget answers after a different number of ticks, so the claims interleave differently every round.
      const pay = (i: number) => async () => {
        for (let t = 0; t < (i * 7 + round) % 5; t++) await Promise.resolve();
        asked++;
      };
      const claims = Array.from({ length: 20 }, (_, i) => claim(store, `t${i}`, { beforeStart: pay(i) }));
      const results = await Promise.all(claims.map((c) => c.result));
      expect(asked).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.job.token)).size).toBe(1);
    }
  });
});

describe('updateDocument', () => {
  it('applies a change by compare-and-swap and says whether it won; no valid document → undefined', async () => {
    const store = new MemoryDocumentStore();
    expect(await updateDocument(store, 'jobs/x.json', Run, (r) => r)).toBeUndefined();
    await store.putJson('jobs/x.json', { token: 'a', status: 'queued' });
    expect(await updateDocument(store, 'jobs/x.json', Run, (r): Run => ({ ...r, status: 'failed' }))).toEqual({
      value: { token: 'a', status: 'failed' },
      changed: true,
    });
    expect(await updateDocument(store, 'jobs/x.json', Run, () => undefined)).toEqual({
      value: { token: 'a', status: 'failed' },
      changed: false,
    });
  });
});
