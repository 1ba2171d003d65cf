import { z } from 'zod';
import type { TableClient } from '@azure/data-tables';
import type { Config } from '../../config';
import { EMPTY_COUNTERS } from '../../domain/billing/budget';
import type { CounterGroup, UsageCounters, UsageStore } from '../../domain/billing/ports';
import { withStorageDeadline } from './storage-errors';
import { lazyTable, literal, statusOf } from './table-lazy';
import { submitEntityGroup, type GroupWrite } from './table-transaction';

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

/** One caller's change waiting for its group's next write. */
interface Pending {
  subjects: readonly string[];
  change: (current: readonly UsageCounters[]) => { next?: ReadonlyArray<UsageCounters | undefined>; result: unknown };
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/** One budget's entity as this instance last saw it; no etag: not stored yet (as far as this instance knows). */
interface Row {
  counters: UsageCounters;
  etag?: string;
}

/**
 * A Table entity group transaction holds at most 100 operations
 * (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions);
 * a change touches at most two budgets, so this many changes always fit in one.
 */
const CHANGES_PER_WRITE = 49;

/**
 * Usage counters in the `usage` table, one entity per budget per UTC day: PartitionKey is the
 * budget's group, RowKey the day (`<day>|<subject>` for a budget that is not its group's own, such
 * as a visitor beside its network). Every change is a compare-and-swap on the entities' ETags
 * (If-Match; insert for the first call of the day), retried on 412/409, so limits hold across
 * instances; the budgets one call changes are written together in one entity group transaction,
 * so they change all or none. Within one instance, the changes waiting for one group are folded
 * into a single write: a room of visitors behind one address (one network budget) or a busy API
 * key costs one round trip per batch, not one per call, and a hundred racing calls do not spend
 * their time losing races to each other. The last entity written is remembered with its ETag, so a
 * write usually needs no read; a stale copy costs a 412 and a read.
 */
export class TableUsageStore implements UsageStore {
  private readonly table: () => Promise<TableClient>;
  /** Changes waiting per group/day; a group with an entry has a writer running. */
  private readonly waiting = new Map<string, Pending[]>();
  /** Per group/day/subject. */
  private readonly known = new Map<string, Required<Row>>();

  constructor(
    config: Config,
    tableName = 'usage',
    private readonly sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  ) {
    this.table = lazyTable(config, tableName);
  }

  update<R>(
    budgets: CounterGroup,
    day: string,
    change: (current: readonly UsageCounters[]) => { next?: ReadonlyArray<UsageCounters | undefined>; result: R },
  ): Promise<R> {
    const id = `${budgets.group}/${day}`;
    return new Promise<R>((resolve, reject) => {
      const pending: Pending = { subjects: budgets.subjects, change, resolve, reject };
      const queue = this.waiting.get(id);
      if (queue) return void queue.push(pending);
      this.waiting.set(id, [pending]);
      void this.drain(id, budgets.group, day);
    });
  }

  peek(group: string, subject: string, day: string): UsageCounters | undefined {
    return this.known.get(`${group}/${day}/${subject}`)?.counters;
  }

  async days(
    group: string,
    subject: string,
    fromDay: string,
  ): Promise<Array<{ day: string; counters: UsageCounters }>> {
    const table = await this.table();
    const rows = await withStorageDeadline(async ({ abortSignal }) => {
      const read: Array<{ day: string; counters: UsageCounters }> = [];
      const filter = `PartitionKey eq ${literal(group)} and RowKey ge ${literal(fromDay)}`;
      for await (const entity of table.listEntities({ queryOptions: { filter }, abortSignal })) {
        const parsed = CounterEntity.parse(entity);
        const day = parsed.rowKey.slice(0, 10);
        if (parsed.rowKey === rowKeyOf(group, subject, day)) read.push({ day, counters: toCounters(parsed) });
      }
      return read;
    });
    return rows.sort((a, b) => a.day.localeCompare(b.day));
  }

  /** Writes batches for one group until nothing is waiting; changes arriving meanwhile form the next batch. */
  private async drain(id: string, group: string, day: string): Promise<void> {
    for (;;) {
      const batch = this.waiting.get(id)!.splice(0, CHANGES_PER_WRITE);
      if (batch.length === 0) {
        this.waiting.delete(id);
        return;
      }
      try {
        const outcomes = await this.swap(group, day, batch);
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
    group: string,
    day: string,
    batch: Pending[],
  ): Promise<Array<{ result: unknown } | { error: unknown }>> {
    const table = await this.table();
    const subjects = [...new Set(batch.flatMap((p) => p.subjects))];
    const idOf = (subject: string) => `${group}/${day}/${subject}`;
    for (let attempt = 1; ; attempt++) {
      // A budget this instance has not seen today is most likely new: try the insert first and read only on 409.
      const rows = await Promise.all(
        subjects.map(async (subject): Promise<Row | undefined> => {
          const cached = this.known.get(idOf(subject));
          if (cached || attempt === 1) return cached;
          const stored = await this.read(table, group, subject, day);
          // Remembered even when nothing is written (a refusal), so `peek` knows the caller is at a limit.
          if (stored) this.remember(idOf(subject), stored);
          return stored;
        }),
      );
      const current = new Map(subjects.map((s, i) => [s, rows[i]?.counters ?? { ...EMPTY_COUNTERS, applied: [] }]));
      const changed = new Set<string>();
      // A change that throws fails alone; the others in the batch are still written.
      const results = batch.map((p) => {
        try {
          const { next, result } = p.change(p.subjects.map((s) => current.get(s)!));
          p.subjects.forEach((s, i) => {
            const counters = next?.[i];
            if (!counters) return;
            current.set(s, counters);
            changed.add(s);
          });
          return { result };
        } catch (error) {
          return { error };
        }
      });
      if (changed.size === 0) return results;
      const writes = subjects
        .map((subject, i) => ({ subject, etag: rows[i]?.etag, counters: current.get(subject)! }))
        .filter((w) => changed.has(w.subject));
      try {
        const etags = await this.write(table, group, day, writes);
        writes.forEach((w, i) => {
          const etag = etags[i];
          this.remember(idOf(w.subject), etag ? { counters: w.counters, etag } : undefined);
        });
        return results;
      } catch (error) {
        for (const w of writes) this.known.delete(idOf(w.subject));
        const status = statusOf(error);
        if ((status !== 412 && status !== 409) || attempt >= MAX_ATTEMPTS) throw error;
        // Another instance won this round: back off a little, with jitter, and decide again on fresh counters.
        await this.sleep(Math.random() * Math.min(50, 2 * attempt));
      }
    }
  }

  /**
   * One round trip for every changed budget: a plain insert or If-Match replace for one, an entity
   * group transaction for several (all or none; a stale ETag or an existing entity fails the whole
   * of it with 412/409). Returns the new ETags in order.
   */
  private async write(
    table: TableClient,
    group: string,
    day: string,
    writes: Array<{ subject: string; etag?: string; counters: UsageCounters }>,
  ): Promise<Array<string | undefined>> {
    const entities = writes.map((w) => ({
      partitionKey: group,
      rowKey: rowKeyOf(group, w.subject, day),
      ...w.counters,
      applied: JSON.stringify(w.counters.applied),
    }));
    if (writes.length === 1) {
      const etag = writes[0]!.etag;
      const written = await withStorageDeadline(({ abortSignal }) =>
        etag
          ? table.updateEntity(entities[0]!, 'Replace', { etag, abortSignal })
          : table.createEntity(entities[0]!, { abortSignal }),
      );
      return [written.etag];
    }
    const actions = writes.map((w, i): GroupWrite =>
      w.etag ? { kind: 'replace', entity: entities[i]!, etag: w.etag } : { kind: 'insert', entity: entities[i]! },
    );
    return withStorageDeadline((options) => submitEntityGroup(table, actions, options));
  }

  private remember(id: string, entry: Required<Row> | undefined): void {
    this.known.delete(id);
    if (!entry) return;
    this.known.set(id, entry);
    if (this.known.size > CACHED_MAX) this.known.delete(this.known.keys().next().value!);
  }

  private async read(table: TableClient, group: string, subject: string, day: string) {
    try {
      const entity = CounterEntity.parse(
        await withStorageDeadline((options) => table.getEntity(group, rowKeyOf(group, subject, day), options)),
      );
      return { counters: toCounters(entity), etag: entity.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }
}

/** A group's own budget is keyed by the day alone (an API key's, a network's); the others by day and subject. */
const rowKeyOf = (group: string, subject: string, day: string) => (subject === group ? day : `${day}|${subject}`);
