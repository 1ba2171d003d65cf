import { describe, expect, it } from 'vitest';
import { OfflineModeGenerator } from '../../../../api/adapters/offline/mode-generator';
import { StoredModeCatalog } from '../../../../api/adapters/mode-catalog';
import { brandOf, type GeneratedModeDraft, type ModeGenerationRequest } from '../../../../api/contracts/generated-mode';
import { ChatEvent } from '../../../../api/contracts/chat';
import { JobRecord, MAX_DEQUEUE_COUNT, ModeGenerationMessage } from '../../../../api/contracts/jobs';
import { jobPath } from '../../../../api/domain/modes/generation/job';
import { processModeGeneration } from '../../../../api/domain/modes/generation/process-job';
import { requestMode } from '../../../../api/domain/modes/generation/request-mode';
import { buildPersona } from '../../../../api/domain/persona';
import { getBuiltinMode } from '../../../../api/domain/modes/catalog';
import type { ModeDesignProgress, ModeGenerator } from '../../../../api/domain/ports';
import { switchMode } from '../../../../api/domain/tools/switch-mode';
import { MemoryDocumentStore } from '../../../fakes/memory-document-store';
import { MemoryJobQueue } from '../../../fakes/memory-job-queue';

/** The offline design, held after its brand step until the test lets the details through. */
class HeldGenerator implements ModeGenerator {
  readonly name = 'held';
  private readonly offline = new OfflineModeGenerator();
  branded = false;
  release!: () => void;
  async generate(request: ModeGenerationRequest, progress?: ModeDesignProgress): Promise<GeneratedModeDraft> {
    const draft = this.offline.draft(request);
    await progress?.onBrand(brandOf(draft));
    this.branded = true;
    await new Promise<void>((r) => (this.release = r));
    return draft;
  }
}

describe('switch_mode joining a design that already has its look (issue #12)', () => {
  it('announces the job with its brand, so the page can paint it without waiting for a poll', async () => {
    const store = new MemoryDocumentStore();
    const queue = new MemoryJobQueue();
    const generator = new HeldGenerator();
    const clock = { now: () => new Date('2026-02-01T12:00:00Z') };
    let n = 0;
    const deps = { modes: new StoredModeCatalog(store), store, queue, clock, newToken: () => `token-${++n}-abcdef` };
    const bank = getBuiltinMode('banking')!;
    const ctx = {
      mode: bank,
      persona: buildPersona(bank, 1, clock.now()),
      modes: deps.modes,
      requestMode: (r: { industry: string; companyName: string | null }) => requestMode(r, deps),
    };
    // A refusal has no job: narrow on `ok` (the tool contract's union), no cast.
    const jobOf = (r: Awaited<ReturnType<typeof switchMode.execute>>) => (r.ok ? r.job : undefined);
    const args = { industry: 'veterinary clinic', builtin: null, company_name: 'Happy Paws' };

    // The first asker starts the design: no look yet, so the job event has no brand.
    const first = await switchMode.execute(args, ctx);
    expect(jobOf(first)).toEqual({ jobId: 'veterinary-clinic--happy-paws', kind: 'mode-generation', status: 'queued' });

    const run = processModeGeneration(
      ModeGenerationMessage.parse(queue.sent[0]!.message),
      { dequeueCount: 1, maxDequeueCount: MAX_DEQUEUE_COUNT },
      { store, generator, clock },
    );
    await expect.poll(() => generator.branded).toBe(true);
    const stored = JobRecord.parse(await store.getJson(jobPath('veterinary-clinic--happy-paws')));

    // A second asker joins the running design: its job event carries the look that is already made.
    const second = await switchMode.execute(args, ctx);
    expect(jobOf(second)).toMatchObject({ jobId: 'veterinary-clinic--happy-paws', status: 'running' });
    expect(jobOf(second)?.brand).toEqual(stored.brand);
    const event = ChatEvent.parse({ type: 'job', ...jobOf(second) });
    expect(event).toMatchObject({ type: 'job', brand: { companyName: 'Happy Paws' } });

    generator.release();
    expect(await run).toBe('done');
  });
});
