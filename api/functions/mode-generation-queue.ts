import { app, type InvocationContext } from '@azure/functions';
import { MAX_DEQUEUE_COUNT, MODE_GENERATION_QUEUE, ModeGenerationMessage } from '../contracts/jobs';
import { getDeps, type Deps } from '../deps';
import { processModeGeneration } from '../domain/modes/generation/process-job';

/**
 * Queue trigger `mode-generation`: designs, validates and stores one mode. The binding has already
 * base64-decoded and JSON-parsed the message; it is validated again here like any input. Throwing
 * lets the host retry and, after maxDequeueCount, move the message to `mode-generation-poison`,
 * where a malformed message is kept for inspection rather than silently dropped.
 */
export function modeGenerationQueue(deps: () => Deps) {
  return async (queueItem: unknown, context: InvocationContext): Promise<void> => {
    const message = ModeGenerationMessage.safeParse(queueItem);
    if (!message.success) {
      throw new Error(
        `mode-generation: malformed message: ${message.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const { store, modeGenerator, clock, config } = deps();
    const dequeueCount = Number(context.triggerMetadata?.dequeueCount ?? 1);
    const outcome = await processModeGeneration(
      message.data,
      { dequeueCount, maxDequeueCount: MAX_DEQUEUE_COUNT },
      {
        store,
        generator: modeGenerator,
        clock,
        leaseMs: config.PRESTO_JOB_LEASE_SECONDS * 1000,
        log: (line) => context.log(line),
      },
    );
    context.log(`mode-generation: ${message.data.jobId} ${outcome} (attempt ${dequeueCount})`);
  };
}

app.storageQueue('mode-generation-queue', {
  queueName: MODE_GENERATION_QUEUE,
  connection: 'AzureWebJobsStorage',
  handler: modeGenerationQueue(getDeps),
});
