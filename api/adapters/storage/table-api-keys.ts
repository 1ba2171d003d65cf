import { z } from 'zod';
import type { Config } from '../../config';
import { PLAN_NAMES } from '../../domain/billing/plans';
import type { ApiKeyRecord, ApiKeyStore } from '../../domain/billing/ports';
import { withStorageDeadline } from './storage-errors';
import { lazyTable, literal, statusOf } from './table-lazy';

const PARTITION = 'key';

/** What comes back from the table is external input too. */
const KeyEntity = z.object({
  rowKey: z.string(),
  id: z.string(),
  name: z.string(),
  plan: z.enum(PLAN_NAMES),
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});

const toRecord = (entity: z.infer<typeof KeyEntity>): ApiKeyRecord => ({
  id: entity.id,
  name: entity.name,
  plan: entity.plan,
  createdAt: entity.createdAt,
  ...(entity.revokedAt ? { revokedAt: entity.revokedAt } : {}),
});

/**
 * API keys in the `apikeys` table: the row key is the key's SHA-256, so a lookup is one point read.
 * Every operation has a client-side deadline (withStorageDeadline in storage-errors.ts).
 */
export class TableApiKeyStore implements ApiKeyStore {
  private readonly table: ReturnType<typeof lazyTable>;

  constructor(config: Config, tableName = 'apikeys') {
    this.table = lazyTable(config, tableName);
  }

  async create(record: ApiKeyRecord, keyHash: string): Promise<void> {
    const table = await this.table();
    await withStorageDeadline((options) =>
      table.createEntity({ partitionKey: PARTITION, rowKey: keyHash, ...record }, options),
    );
  }

  async findByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    if (!/^[0-9a-f]{64}$/.test(keyHash)) return undefined;
    const table = await this.table();
    try {
      return toRecord(
        KeyEntity.parse(await withStorageDeadline((options) => table.getEntity(PARTITION, keyHash, options))),
      );
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async list(): Promise<ApiKeyRecord[]> {
    const table = await this.table();
    const records = await withStorageDeadline(async ({ abortSignal }) => {
      const read: ApiKeyRecord[] = [];
      const filter = `PartitionKey eq ${literal(PARTITION)}`;
      for await (const entity of table.listEntities({ queryOptions: { filter }, abortSignal }))
        read.push(toRecord(KeyEntity.parse(entity)));
      return read;
    });
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async update(id: string, change: { plan?: ApiKeyRecord['plan']; revokedAt?: string }): Promise<boolean> {
    const table = await this.table();
    return withStorageDeadline(async ({ abortSignal }) => {
      const filter = `PartitionKey eq ${literal(PARTITION)} and id eq ${literal(id)}`;
      for await (const entity of table.listEntities({ queryOptions: { filter }, abortSignal })) {
        const { rowKey } = KeyEntity.parse(entity);
        await table.updateEntity({ partitionKey: PARTITION, rowKey, ...change }, 'Merge', { abortSignal });
        return true;
      }
      return false;
    });
  }
}
