// Entity group transactions sent through the table client's own pipeline (table-transaction.ts), on
// Azurite: all or none, the new ETags back in order, and a lost race told apart by its status code
// exactly as the SDK's submitTransaction tells it (the usage counters retry on 412/409 only).
import type { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config';
import type { AzuriteHandle } from '../../api/local/azurite';
import { startTestAzurite } from './azurite.harness';
import { createTableClient } from '../../api/adapters/storage/storage-account';
import { submitEntityGroup } from '../../api/adapters/storage/table-transaction';
import { statusOf } from '../../api/adapters/storage/table-lazy';

let azurite: AzuriteHandle;
let table: TableClient;

beforeAll(async () => {
  azurite = await startTestAzurite();
  const config = loadConfig({ AzureWebJobsStorage: azurite.connectionString, AI_PROVIDER: 'offline' });
  table = await createTableClient(config, 'grouptx');
  await table.createTable();
}, 60_000);
afterAll(async () => azurite?.stop());

// Keys as the usage counters make them (`<day>|<subject>`), and a quote, which OData doubles.
const partitionKey = "net-198.51.100.7|o'brien";
const entity = (rowKey: string, requests: number) => ({ partitionKey, rowKey, requests, applied: '["a"]' });

describe('an entity group transaction', () => {
  it('inserts both entities and returns their ETags, then replaces both with If-Match', async () => {
    const inserted = await submitEntityGroup(table, [
      { kind: 'insert', entity: entity('2026-12-03', 1) },
      { kind: 'insert', entity: entity('2026-12-03|visitor', 1) },
    ]);
    expect(inserted).toHaveLength(2);
    const first = await table.getEntity(partitionKey, '2026-12-03|visitor');
    expect(first.etag).toBe(inserted[1]);
    expect(first.requests).toBe(1);

    const replaced = await submitEntityGroup(table, [
      { kind: 'replace', entity: entity('2026-12-03', 2), etag: inserted[0]! },
      { kind: 'replace', entity: entity('2026-12-03|visitor', 2), etag: inserted[1]! },
    ]);
    const network = await table.getEntity(partitionKey, '2026-12-03');
    expect(network.requests).toBe(2);
    expect(network.etag).toBe(replaced[0]);
    expect(replaced[0]).not.toBe(inserted[0]);
  });

  it('changes nothing when one ETag is stale, and fails with 412 as the SDK does', async () => {
    const current = await submitEntityGroup(table, [
      { kind: 'insert', entity: entity('2026-12-04', 5) },
      { kind: 'insert', entity: entity('2026-12-04|visitor', 5) },
    ]);
    const stale = current[1]!;
    await submitEntityGroup(table, [{ kind: 'replace', entity: entity('2026-12-04|visitor', 6), etag: stale }]);
    const refused = await submitEntityGroup(table, [
      { kind: 'replace', entity: entity('2026-12-04', 7), etag: current[0]! },
      { kind: 'replace', entity: entity('2026-12-04|visitor', 7), etag: stale },
    ]).catch((error: unknown) => error);
    expect(statusOf(refused)).toBe(412);
    expect((await table.getEntity(partitionKey, '2026-12-04')).requests).toBe(5); // all or none
    expect((await table.getEntity(partitionKey, '2026-12-04|visitor')).requests).toBe(6);
  });

  it('fails with 409 when an insert meets an entity another instance created', async () => {
    await submitEntityGroup(table, [{ kind: 'insert', entity: entity('2026-12-05', 1) }]);
    const refused = await submitEntityGroup(table, [
      { kind: 'insert', entity: entity('2026-12-05|visitor', 1) },
      { kind: 'insert', entity: entity('2026-12-05', 1) },
    ]).catch((error: unknown) => error);
    expect(statusOf(refused)).toBe(409);
    await expect(table.getEntity(partitionKey, '2026-12-05|visitor')).rejects.toMatchObject({ statusCode: 404 });
  });
});
