import { app, type InvocationContext } from '@azure/functions';
import { ChartImageMessage } from '../contracts/charts';
import { CHART_IMAGES_QUEUE, MAX_DEQUEUE_COUNT } from '../contracts/jobs';
import { getDeps, type Deps } from '../deps';
import { processChartImage } from '../domain/charts/process-chart';

/**
 * Queue trigger `chart-images`: paints one chart image, or stores its local rendering as a marked
 * fallback and schedules a delayed retry. The message is validated like any input; throwing lets
 * the host retry and, after maxDequeueCount, keep it in `chart-images-poison` for inspection.
 */
export function chartImagesQueue(deps: () => Deps) {
  return async (queueItem: unknown, context: InvocationContext): Promise<void> => {
    const message = ChartImageMessage.safeParse(queueItem);
    if (!message.success) {
      throw new Error(
        `chart-images: malformed message: ${message.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const { store, modes, jobQueue, clock, personaAt, charts, config } = deps();
    const dequeueCount = Number(context.triggerMetadata?.dequeueCount ?? 1);
    const outcome = await processChartImage(
      message.data,
      { dequeueCount, maxDequeueCount: MAX_DEQUEUE_COUNT },
      {
        store,
        modes,
        queue: jobQueue,
        clock,
        persona: personaAt,
        ...charts,
        leaseMs: config.PRESTO_JOB_LEASE_SECONDS * 1000,
        log: (line) => context.log(line),
      },
    );
    context.log(`chart-images: ${message.data.jobId} run ${message.data.retry} ${outcome} (attempt ${dequeueCount})`);
  };
}

app.storageQueue('chart-images-queue', {
  queueName: CHART_IMAGES_QUEUE,
  connection: 'AzureWebJobsStorage',
  handler: chartImagesQueue(getDeps),
});
