import type { QueueName } from '../../api/contracts/jobs';
import type { JobQueue } from '../../api/domain/ports';

/** Records what was sent; `failing` makes every send throw (queue down). */
export class MemoryJobQueue implements JobQueue {
  readonly sent: Array<{ queue: QueueName; message: unknown; delaySeconds?: number }> = [];
  failing = false;
  async send(queue: QueueName, message: unknown, options: { delaySeconds?: number } = {}): Promise<void> {
    if (this.failing) throw new Error('queue unavailable');
    this.sent.push({
      queue,
      message: structuredClone(message),
      ...(options.delaySeconds ? { delaySeconds: options.delaySeconds } : {}),
    });
  }
}
