import { describe, expect, it } from 'vitest';
import { JobRecord, MAX_DEQUEUE_COUNT, ModeGenerationMessage } from '../../../api/contracts/jobs';
import { StoredModeCatalog } from '../../../api/adapters/mode-catalog';
import { ContentFiltered } from '../../../api/domain/errors';
import { jobPath, modePath, publicJob } from '../../../api/domain/modes/generation/job';
import { processModeGeneration } from '../../../api/domain/modes/generation/process-job';
import { requestMode } from '../../../api/domain/modes/generation/request-mode';
import { CountingGenerator } from '../../fakes/counting-generator';
import { MemoryDocumentStore } from '../../fakes/memory-document-store';
import { MemoryJobQueue } from '../../fakes/memory-job-queue';

describe('a design stopped by Azure’s content filter', () => {
  it.each(['prompt', 'completion'] as const)(
    'fails the job for good on the first attempt (%s filtered), politely, and stores nothing',
    async (where) => {
      const store = new MemoryDocumentStore();
      const queue = new MemoryJobQueue();
      const generator = new CountingGenerator();
      generator.fail = () => new ContentFiltered(where);
      const clock = { now: () => new Date('2026-02-01T12:00:00Z') };
      const deps = { modes: new StoredModeCatalog(store), store, queue, clock, newToken: () => 'token-abcdef-1' };
      await requestMode({ industry: 'some rude industry' }, deps);
      const message = ModeGenerationMessage.parse(queue.sent[0]!.message);

      const outcome = await processModeGeneration(
        message,
        { dequeueCount: 1, maxDequeueCount: MAX_DEQUEUE_COUNT },
        { store, generator, clock },
      );
      expect(outcome).toBe('failed'); // not rethrown: the host does not retry it five times
      const job = JobRecord.parse(await store.getJson(jobPath(message.jobId)));
      expect(publicJob(job, clock.now())).toMatchObject({
        status: 'failed',
        attempts: 1,
        error: { code: 'content_filtered', retryable: false },
      });
      expect(job.error?.message).toMatch(/^Sorry, we can't design this one: Azure's content filter stopped it\./);
      expect(job.error?.message).not.toMatch(/try again/i);
      expect(generator.calls).toHaveLength(1);
      expect(await store.getJson(modePath(message.jobId))).toBeUndefined();
    },
  );
});
