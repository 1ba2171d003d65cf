import type { QueueClient } from '@azure/storage-queue';
import type { Config } from '../../config';
import type { QueueName } from '../../contracts/jobs';
import type { JobQueue } from '../../domain/ports';
import { createQueueServiceClient } from './storage-account';
import { withStorageDeadline } from './storage-errors';

/**
 * Queue triggers decode message text as base64 by default (host.json `messageEncoding`), while
 * `@azure/storage-queue` sends text unchanged: an unencoded JSON message fails every attempt and
 * ends in `<queue>-poison` with almost no log (https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#hostjson-settings, azure-sdk-for-net#21449). So
 * producers encode here, and nowhere else.
 */
export function encodeQueueMessage(message: unknown): string {
  return Buffer.from(JSON.stringify(message), 'utf8').toString('base64');
}

/** The inverse, for tests and tools; the trigger binding itself decodes in production. */
export function decodeQueueMessage(text: string): unknown {
  return JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as unknown;
}

/** Storage queues, one client per queue, created on first send (the SDK is loaded lazily); each call has a deadline. */
export class StorageJobQueue implements JobQueue {
  private readonly queues = new Map<string, Promise<QueueClient>>();

  constructor(private readonly config: Config) {}

  private queue(name: QueueName): Promise<QueueClient> {
    let client = this.queues.get(name);
    if (!client) {
      client = (async () => {
        const queue = (await createQueueServiceClient(this.config)).getQueueClient(name);
        await withStorageDeadline((options) => queue.createIfNotExists(options));
        return queue;
      })();
      // A failed start (storage down) is not cached: the next send tries again.
      client.catch(() => this.queues.delete(name));
      this.queues.set(name, client);
    }
    return client;
  }

  async send(queue: QueueName, message: unknown, options: { delaySeconds?: number } = {}): Promise<void> {
    // A visibility timeout on send is how Storage queues delay a message (up to 7 days).
    const delay = options.delaySeconds
      ? { visibilityTimeout: Math.min(7 * 24 * 3600, Math.ceil(options.delaySeconds)) }
      : {};
    const client = await this.queue(queue);
    await withStorageDeadline((options) => client.sendMessage(encodeQueueMessage(message), { ...delay, ...options }));
  }
}
