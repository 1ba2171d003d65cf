import type { TableClient } from '@azure/data-tables';
import type { Config } from '../../config';
import { createTableClient } from './storage-account';
import { withStorageDeadline } from './storage-errors';

/** A table client built once, with its table created on first use (createTable ignores "already exists"). */
export function lazyTable(config: Config, name: string): () => Promise<TableClient> {
  let client: Promise<TableClient> | undefined;
  return () => {
    client ??= createTableClient(config, name).then(async (c) => {
      await withStorageDeadline((options) => c.createTable(options));
      return c;
    });
    // A failed start (storage down) must not poison every later call.
    client.catch(() => (client = undefined));
    return client;
  };
}

export const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number'
    ? error.statusCode
    : undefined;

/** An OData string literal; a local copy of the SDK's `odata` tag so the SDK still loads lazily. */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
