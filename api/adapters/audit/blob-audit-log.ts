import type { DocumentStore } from '../../domain/ports';
import type { AuditEntry, AuditSink } from '../../domain/guard/tool-guard';

/** Lines held per instance before new ones are dropped (and counted) while storage is slow or down. */
const MAX_PENDING_LINES = 5_000;

/**
 * Audit entries go to append blobs (`audit/<day>/<session>.jsonl`) in the background: `record`
 * only buffers, so a tool call never waits for storage; the buffer is written on the next tick,
 * one append per blob per batch. `flush` lets a request wait for its lines before it ends (the
 * platform may freeze an instance once the response is done).
 */
export class BlobAuditLog implements AuditSink {
  private pending = new Map<string, string[]>();
  private pendingCount = 0;
  private writing: Promise<void> = Promise.resolve();
  private scheduled = false;
  dropped = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  record(path: string, entry: AuditEntry): void {
    if (this.pendingCount >= MAX_PENDING_LINES) {
      this.dropped++;
      return;
    }
    const lines = this.pending.get(path) ?? [];
    lines.push(JSON.stringify(entry));
    this.pending.set(path, lines);
    this.pendingCount++;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.drain());
    }
  }

  private drain(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Map();
    this.pendingCount = 0;
    const write = async () => {
      await Promise.all(
        [...batch].map(([path, lines]) =>
          this.store.appendLines(path, lines).catch((error: unknown) => this.onError(error)),
        ),
      );
    };
    // Writes are chained so one session's lines stay in order across batches.
    this.writing = this.writing.then(write, write);
    return this.writing;
  }

  async flush(): Promise<void> {
    if (this.pendingCount > 0) await this.drain();
    else await this.writing;
  }
}
