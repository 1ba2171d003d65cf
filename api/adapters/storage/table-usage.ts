import { z } from 'zod';
import type { TableClient } from '@azure/data-tables';
import type { Config } from '../../config';
import { EMPTY_COUNTERS } from '../../domain/billing/budget';
import type { UsageCounters, UsageStore } from '../../domain/billing/ports';
import { withStorageDeadline } from './storage-errors';
import { lazyTable, literal, statusOf } from './table-lazy';

const MAX_ATTEMPTS = 40;
/** Counter entities remembered per instance (subject × day); the oldest is forgotten first. */
const CACHED_MAX = 5_000;

const CounterEntity = z.object({
  rowKey: z.string(),
  etag: z.string(),
  requests: z.number().int().default(0),
  promptTokens: z.number().int().default(0),
  completionTokens: z.number().int().default(0),
  images: z.number().int().default(0),
  generations: z.number().int().default(0),
  realtimeSessions: z.number().int().default(0),
  minute: z.string().default(''),
  minuteRequests: z.number().int().default(0),
  applied: z.string().default('[]'),
});

function toCounters(entity: z.infer<typeof CounterEntity>): UsageCounters {
  const { rowKey: _r, etag: _e, applied, ...numbers } = entity;
  return { ...numbers, applied: z.array(z.string()).catch([]).parse(JSON.parse(applied)) };
}

/** One caller's change waiting for its subject's next write. */
interface Pending {
  change: (current: UsageCounters) => { next?: UsageCounters; result: unknown };
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/**
 * Usage counters in the `usage` table, one entity per subject per UTC day. Every change is a
 * compare-and-swap on the entity's ETag (If-Match; insert for the first call of the day), retried
 * on 412/409, so limits hold across instances. Within one instance, the changes waiting for one
 * subject are folded into a single write: a room of visitors behind one address (one network
 * budget) or a busy API key costs one round trip per batch, not one per call, and a hundred
 * racing calls do not spend their time losing races to each other. The last entity written is
 * remembered with its ETag, so a write usually needs no read; a stale copy costs a 412 and a read.
 */
export class TableUsageStore implements UsageStore {
  private readonly table: () => Promise<TableClient>;
  /** Changes waiting per subject/day; a subject with an entry has a writer running. */
  private readonly waiting = new Map<string, Pending[]>();
  private readonly known = new Map<string, { counters: UsageCounters; etag: string }>();

  constructor(
    config: Config,
    tableName = 'usage',
    private readonly sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  ) {
    this.table = lazyTable(config, tableName);
  }

  update<R>(
    subject: string,
    day: string,
    change: (current: UsageCounters) => { next?: UsageCounters; result: R },
  ): Promise<R> {
    const id = `${subject}/${day}`;
    return new Promise<R>((resolve, reject) => {
      const pending: Pending = { change, resolve: resolve, reject };
      const queue = this.waiting.get(id);
      if (queue) return void queue.push(pending);
      this.waiting.set(id, [pending]);
      void this.drain(id, subject, day);
    });
  }

  peek(subject: string, day: string): UsageCounters | undefined {
    return this.known.get(`${subject}/${day}`)?.counters;
  }

  async days(subject: string, fromDay: string): Promise<Array<{ day: string; counters: UsageCounters }>> {
    const table = await this.table();
    const rows = await withStorageDeadline(async ({ abortSignal }) => {
      const read: Array<{ day: string; counters: UsageCounters }> = [];
      const filter = `PartitionKey eq ${literal(subject)} and RowKey ge ${literal(fromDay)}`;
      for await (const entity of table.listEntities({ queryOptions: { filter }, abortSignal })) {
        const parsed = CounterEntity.parse(entity);
        read.push({ day: parsed.rowKey, counters: toCounters(parsed) });
      }
      return read;
    });
    return rows.sort((a, b) => a.day.localeCompare(b.day));
  }

  /** Writes batches for one subject until nothing is waiting; changes arriving meanwhile form the next batch. */
  private async drain(id: string, subject: string, day: string): Promise<void> {
    for (;;) {
      const batch = this.waiting.get(id)!.splice(0);
      if (batch.length === 0) {
        this.waiting.delete(id);
        return;
      }
      try {
        const outcomes = await this.swap(id, subject, day, batch);
        batch.forEach((p, i) => {
          const outcome = outcomes[i]!;
          if ('error' in outcome) p.reject(outcome.error);
          else p.resolve(outcome.result);
        });
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
  }

  /** Applies every change of the batch in order to fresh-enough counters and writes the outcome once. */
  private async swap(
    id: string,
    subject: string,
    day: string,
    batch: Pending[],
  ): Promise<Array<{ result: unknown } | { error: unknown }>> {
    const table = await this.table();
    for (let attempt = 1; ; attempt++) {
      const cached = this.known.get(id);
      // A subject this instance has not seen today is most likely new: try the insert first and read only on 409.
      const stored = cached ?? (attempt === 1 ? undefined : await this.read(table, subject, day));
      // A fresh read is remembered even when nothing is written (a refusal), so `peek` knows the caller is at a limit.
      if (stored && !cached) this.remember(id, stored);
      let counters = stored ? stored.counters : { ...EMPTY_COUNTERS, applied: [] };
      let changed = false;
      // A change that throws fails alone; the others in the batch are still written.
      const results = batch.map((p) => {
        try {
          const { next, result } = p.change(counters);
          if (next) {
            counters = next;
            changed = true;
          }
          return { result };
        } catch (error) {
          return { error };
        }
      });
      if (!changed) return results;
      const entity = { partitionKey: subject, rowKey: day, ...counters, applied: JSON.stringify(counters.applied) };
      try {
        const written = await withStorageDeadline(({ abortSignal }) =>
          stored
            ? table.updateEntity(entity, 'Replace', { etag: stored.etag, abortSignal })
            : table.createEntity(entity, { abortSignal }),
        );
        this.remember(id, written.etag ? { counters, etag: written.etag } : undefined);
        return results;
      } catch (error) {
        this.known.delete(id);
        const status = statusOf(error);
        if ((status !== 412 && status !== 409) || attempt >= MAX_ATTEMPTS) throw error;
        // Another instance won this round: back off a little, with jitter, and decide again on fresh counters.
        await this.sleep(Math.random() * Math.min(50, 2 * attempt));
      }
    }
  }

  private remember(id: string, entry: { counters: UsageCounters; etag: string } | undefined): void {
    this.known.delete(id);
    if (!entry) return;
    this.known.set(id, entry);
    if (this.known.size > CACHED_MAX) this.known.delete(this.known.keys().next().value!);
  }

  private async read(table: TableClient, subject: string, day: string) {
    try {
      const entity = CounterEntity.parse(
        await withStorageDeadline((options) => table.getEntity(subject, day, options)),
      );
      return { counters: toCounters(entity), etag: entity.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }
}
