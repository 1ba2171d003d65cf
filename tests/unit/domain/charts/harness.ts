import { ChartImageMessage } from '../../../../api/contracts/charts';
import { LocalImageGenerator } from '../../../../api/adapters/charts/local-image-generator';
import { ResvgChartRenderer } from '../../../../api/adapters/charts/resvg-renderer';
import { processChartImage } from '../../../../api/domain/charts/process-chart';
import { requestChartImage } from '../../../../api/domain/charts/request-chart';
import type { ChartPicture } from '../../../../api/domain/charts/picture';
import { builtinModeSummaries, getBuiltinMode } from '../../../../api/domain/modes/catalog';
import { personaMemo } from '../../../../api/domain/persona';
import type { ImageGenerator, PngImage } from '../../../../api/domain/ports';
import type { ModeCatalog } from '../../../../api/domain/tools/context';
import { MemoryDocumentStore } from '../../../fakes/memory-document-store';
import { MemoryImageStore } from '../../../fakes/memory-image-store';
import { MemoryJobQueue } from '../../../fakes/memory-job-queue';

/** A model stand-in: draws with the local renderer, counts calls, fails as scripted. */
export class ScriptedImageGenerator implements ImageGenerator {
  readonly source = 'model' as const;
  readonly model = 'test-image-model';
  calls = 0;
  failures: Error[] = [];
  private readonly inner = new LocalImageGenerator(new ResvgChartRenderer());
  async generate(picture: ChartPicture): Promise<PngImage> {
    this.calls++;
    const failure = this.failures.shift();
    if (failure) throw failure;
    return this.inner.generate(picture);
  }
}

export function chartHarness(now = new Date('2026-11-15T10:00:00Z')) {
  const modes: ModeCatalog = { get: async (id) => getBuiltinMode(id), list: async () => builtinModeSummaries() };
  const clock = { now: () => now };
  const persona = personaMemo();
  const store = new MemoryDocumentStore();
  const images = new MemoryImageStore();
  const queue = new MemoryJobQueue();
  const generator = new ScriptedImageGenerator();
  const renderer = new ResvgChartRenderer();
  let tokens = 0;
  const request = (datasetIds: string[], options = {}) =>
    requestChartImage(
      { modeId: 'banking', datasetIds, personaSeed: 7 },
      {
        modes,
        store,
        images,
        queue,
        clock,
        persona,
        generator,
        newToken: () => `token-${String(++tokens).padStart(4, '0')}`,
      },
      options,
    );
  /** Delivers every queued message (delayed ones too), like the host would, until the queue is empty. */
  async function drain(dequeueCount = 1) {
    const outcomes: string[] = [];
    while (queue.sent.length) {
      const { message } = queue.sent.shift()!;
      outcomes.push(
        await processChartImage(
          ChartImageMessage.parse(message),
          { dequeueCount, maxDequeueCount: 5 },
          { store, images, modes, queue, clock, persona, generator, renderer },
        ),
      );
    }
    return outcomes;
  }
  return {
    modes,
    clock,
    persona,
    store,
    images,
    queue,
    generator,
    renderer,
    request,
    drain,
    setNow: (d: Date) => (now = d),
  };
}
