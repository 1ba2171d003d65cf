import { z } from 'zod';
import type { Config } from '../../config';
import { PLAN_NAMES } from '../../domain/billing/plans';
import type { ApiKeyRecord, ApiKeyStore } from '../../domain/billing/ports';
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

/** API keys in the `apikeys` table: the row key is the key's SHA-256, so a lookup is one point read. */
export class TableApiKeyStore implements ApiKeyStore {
  private readonly table: ReturnType<typeof lazyTable>;

  constructor(config: Config, tableName = 'apikeys') {
    this.table = lazyTable(config, tableName);
  }

  async create(record: ApiKeyRecord, keyHash: string): Promise<void> {
    await (await this.table()).createEntity({ partitionKey: PARTITION, rowKey: keyHash, ...record });
  }

  async findByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    if (!/^[0-9a-f]{64}$/.test(keyHash)) return undefined;
    try {
      return toRecord(KeyEntity.parse(await (await this.table()).getEntity(PARTITION, keyHash)));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async list(): Promise<ApiKeyRecord[]> {
    const records: ApiKeyRecord[] = [];
    for await (const entity of (await this.table()).listEntities({
      queryOptions: { filter: `PartitionKey eq ${literal(PARTITION)}` },
    })) {
      records.push(toRecord(KeyEntity.parse(entity)));
    }
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async update(id: string, change: { plan?: ApiKeyRecord['plan']; revokedAt?: string }): Promise<boolean> {
    const table = await this.table();
    for await (const entity of table.listEntities({
      queryOptions: { filter: `PartitionKey eq ${literal(PARTITION)} and id eq ${literal(id)}` },
    })) {
      const { rowKey } = KeyEntity.parse(entity);
      await table.updateEntity({ partitionKey: PARTITION, rowKey, ...change }, 'Merge');
      return true;
    }
    return false;
  }
}
