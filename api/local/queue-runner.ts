// Runs queueTrigger registrations by polling Azure Storage queues with the Functions host's
// semantics (https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#hostjson-settings; WebJobs QueueListener/QueueProcessor and QueuesOptions):
// base64 message text by default, JSON payloads parsed, dequeue count in triggerMetadata,
// failed messages retried after visibilityTimeout and moved to `<queue>-poison` once
// dequeueCount reaches maxDequeueCount.
import { QueueServiceClient, type DequeuedMessageItem, type QueueClient } from '@azure/storage-queue';
import { STORAGE_RETRY } from '../adapters/storage/storage-account';
import { withStorageDeadline } from '../adapters/storage/storage-errors';
import type { Registration } from './functions-core-shim';
import { triggerOf } from './functions-core-shim';
import { resolveAppSettings, type QueueSettings } from './host-config';
import { createInvocationContext, describeError, invokeHandler, logLine, type Logger } from './invocation';

export interface QueueRunnerOptions {
  registry: Registration[];
  settings: QueueSettings;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

export interface QueueRunner {
  stop(timeoutMs?: number): Promise<void>;
}

// The host locks a message for 10 minutes while a function runs (QueuesOptions defaults). We do
// not renew that lease, so a handler running longer would see its message delivered again.
const PROCESSING_LEASE_SECONDS = 600;
const MIN_POLL_MS = 100; // QueuePollingIntervals.Minimum

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes like the trigger binding; invalid base64 makes the invocation fail (and go poison). */
export function decodeMessageText(text: string, encoding: QueueSettings['messageEncoding']): string {
  if (encoding === 'none') return text;
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact))
    throw new Error('Message is not valid base64 (host.json extensions.queues.messageEncoding is "base64")');
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** Strings that parse as JSON arrive parsed (@azure/functions src/converters/fromRpcTypedData.ts). */
export function toPayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

interface Listener {
  registration: Registration;
  queue: QueueClient;
  poison: QueueClient | undefined;
}

export async function startQueueRunner(options: QueueRunnerOptions): Promise<QueueRunner> {
  const env = options.env ?? process.env;
  const { settings, logger } = options;
  const listeners: Listener[] = [];
  for (const registration of options.registry) {
    const trigger = triggerOf(registration);
    if (trigger?.type !== 'queueTrigger') continue;
    const connection = trigger.connection || 'AzureWebJobsStorage';
    const connectionString = env[connection];
    if (!connectionString)
      throw new Error(`${registration.name}: app setting "${connection}" (queue connection) is not set`);
    const queueName = resolveAppSettings(String(trigger.queueName ?? ''), env).toLowerCase();
    // Bounded tries like the app's own clients, so an outage is noticed (and retried) in seconds.
    const service = QueueServiceClient.fromConnectionString(connectionString, { retryOptions: STORAGE_RETRY });
    const queue = service.getQueueClient(queueName);
    // No poison queue for queues already ending in -poison (QueuesOptions.MaxDequeueCount remarks).
    const poison = queueName.endsWith('-poison') ? undefined : service.getQueueClient(`${queueName}-poison`);
    await withStorageDeadline((options) => queue.createIfNotExists(options));
    if (poison) await withStorageDeadline((options) => poison.createIfNotExists(options));
    listeners.push({ registration, queue, poison });
  }

  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });

  /**
   * Settles a message with storage down (Azurite stopped, the account unreachable): the call is
   * tried again with back-off until it lands, the runner stops, or the processing lease would have
   * freed the message anyway. Without this, a handler that failed during an outage would leave its
   * message invisible for the whole 10-minute lease, and its job waiting that long after storage is
   * back. A 4xx (the pop receipt no longer matches: someone else has the message) ends it.
   */
  async function settleMessage(
    what: string,
    queue: QueueClient,
    op: (options: { abortSignal: AbortSignal }) => Promise<unknown>,
  ): Promise<void> {
    const deadline = Date.now() + PROCESSING_LEASE_SECONDS * 1000;
    for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
      try {
        await withStorageDeadline(op);
        return;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if ((status !== undefined && status >= 400 && status < 500) || stopped || Date.now() > deadline) throw error;
        logLine(logger, `queue ${queue.name}: ${what} failed (${describeError(error)}); trying again`);
        await sleep(delay);
      }
    }
  }

  async function handle(listener: Listener, message: DequeuedMessageItem): Promise<void> {
    const { registration, queue, poison } = listener;
    const context = createInvocationContext(registration, {
      logger,
      triggerMetadata: {
        id: message.messageId,
        dequeueCount: message.dequeueCount,
        insertionTime: message.insertedOn.toISOString(),
        expirationTime: message.expiresOn.toISOString(),
        nextVisibleTime: message.nextVisibleOn.toISOString(),
        popReceipt: message.popReceipt,
      },
    });
    const started = Date.now();
    try {
      const payload = toPayload(decodeMessageText(message.messageText, settings.messageEncoding));
      await invokeHandler(registration, payload, context);
      await settleMessage('delete', queue, (options) =>
        queue.deleteMessage(message.messageId, message.popReceipt, options),
      );
      logLine(
        logger,
        `queue ${queue.name} -> ${registration.name} ok ${Date.now() - started}ms (dequeueCount ${message.dequeueCount})`,
      );
    } catch (error) {
      const attempt = `${message.dequeueCount}/${settings.maxDequeueCount}`;
      logLine(
        logger,
        `queue ${queue.name} -> ${registration.name} failed (attempt ${attempt}): ${describeError(error)}`,
      );
      if (message.dequeueCount >= settings.maxDequeueCount && poison) {
        // The original, still-encoded text.
        await withStorageDeadline((options) => poison.sendMessage(message.messageText, options));
        await withStorageDeadline((options) => queue.deleteMessage(message.messageId, message.popReceipt, options));
        logLine(logger, `queue ${queue.name}: message ${message.messageId} moved to ${poison.name}`);
      } else {
        const delaySeconds = Math.ceil(settings.visibilityTimeoutMs / 1000);
        await settleMessage('retry delay', queue, (options) =>
          queue.updateMessage(message.messageId, message.popReceipt, undefined, delaySeconds, options),
        );
      }
    }
  }

  async function poll(listener: Listener): Promise<void> {
    let delay = MIN_POLL_MS;
    while (!stopped) {
      let messages: DequeuedMessageItem[] = [];
      try {
        // A receive that never gets an answer (storage accepts connections, then nothing) is cut
        // off, so the loop keeps polling and recovers when storage does.
        const response = await withStorageDeadline((options) =>
          listener.queue.receiveMessages({
            ...options,
            numberOfMessages: settings.batchSize,
            visibilityTimeout: PROCESSING_LEASE_SECONDS,
          }),
        );
        messages = response.receivedMessageItems;
      } catch (error) {
        if (!stopped) logLine(logger, `queue ${listener.queue.name}: receive failed: ${describeError(error)}`);
      }
      if (messages.length > 0) {
        delay = MIN_POLL_MS;
        // The host runs a batch concurrently; we wait for the whole batch before the next receive
        // (a simplification of newBatchThreshold).
        const settle = (m: DequeuedMessageItem) =>
          handle(listener, m).catch((e: unknown) =>
            logLine(logger, `queue ${listener.queue.name}: ${describeError(e)}`),
          );
        const batch = Promise.all(messages.map(settle)).then(() => undefined);
        inFlight.add(batch);
        await batch;
        inFlight.delete(batch);
        continue;
      }
      await sleep(delay);
      // Exponential back-off while the queue is empty, capped at maxPollingInterval.
      delay = Math.min(delay * 2, Math.max(MIN_POLL_MS, settings.maxPollingIntervalMs));
    }
  }

  const loops = listeners.map((listener) => poll(listener));
  return {
    async stop(timeoutMs = 10_000) {
      stopped = true;
      for (const wake of [...wakers]) wake();
      const drained = Promise.all([...loops, ...inFlight]).then(() => 'drained' as const);
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
      if ((await Promise.race([drained, timeout])) === 'timeout') {
        logLine(logger, `queue runner: handlers still running after ${timeoutMs}ms; not waiting any longer`);
      }
    },
  };
}
