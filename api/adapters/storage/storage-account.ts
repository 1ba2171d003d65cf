import type { BlobServiceClient } from '@azure/storage-blob';
import type { QueueServiceClient } from '@azure/storage-queue';
import type { Config } from '../../config';

/**
 * Every storage call is bounded in tries: a few, with short back-off. The SDK defaults (Blob/Queue:
 * 4 tries, 4 s growing to 2 min apart; Tables: 3 retries up to 64 s apart) would hold a request for
 * half a minute or more while storage refuses connections; bounded, it answers a retryable 503 in
 * about a second. `tryTimeoutInMs` is the server-side `timeout` parameter of each try (Blob/Queue),
 * not a client-side cut-off: a storage endpoint that accepts connections and never answers is
 * bounded by each operation's own deadline instead (withStorageDeadline, storage-errors.ts).
 * (StorageRetryOptions in @azure/storage-common src/policies/StorageRetryPolicyV2.ts;
 * PipelineRetryOptions in @azure/core-rest-pipeline.)
 */
const STORAGE_TRY_TIMEOUT_MS = 4_000;
export const STORAGE_RETRY = {
  maxTries: 3,
  tryTimeoutInMs: STORAGE_TRY_TIMEOUT_MS,
  retryDelayInMs: 200,
  maxRetryDelayInMs: 1_000,
} as const;
const TABLE_RETRY = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 } as const;

/**
 * Storage clients from either a connection string (Azurite, local) or the identity-based
 * `AzureWebJobsStorage__*ServiceUri` settings Functions uses in Azure (no keys). SDKs are loaded
 * lazily so cold starts of functions that never touch storage stay short.
 */
export async function createBlobServiceClient(config: Config): Promise<BlobServiceClient> {
  const { BlobServiceClient } = await import('@azure/storage-blob');
  const retryOptions = STORAGE_RETRY;
  if (config.AzureWebJobsStorage)
    return BlobServiceClient.fromConnectionString(config.AzureWebJobsStorage, { retryOptions });
  return new BlobServiceClient(config.AzureWebJobsStorage__blobServiceUri!, await storageCredential(config), {
    retryOptions,
  });
}

export async function createQueueServiceClient(config: Config): Promise<QueueServiceClient> {
  const { QueueServiceClient } = await import('@azure/storage-queue');
  const options = { retryOptions: STORAGE_RETRY };
  if (config.AzureWebJobsStorage) return QueueServiceClient.fromConnectionString(config.AzureWebJobsStorage, options);
  const uri = config.AzureWebJobsStorage__queueServiceUri;
  if (!uri) throw new Error('AzureWebJobsStorage__queueServiceUri is required for queues with identity-based storage.');
  return new QueueServiceClient(uri, await storageCredential(config), options);
}

async function storageCredential(config: Config) {
  const { DefaultAzureCredential, ManagedIdentityCredential } = await import('@azure/identity');
  return config.AzureWebJobsStorage__clientId
    ? new ManagedIdentityCredential({ clientId: config.AzureWebJobsStorage__clientId })
    : new DefaultAzureCredential();
}

/** Table Storage (API keys and usage counters, issue #8); Azurite serves it over http, hence allowInsecureConnection. */
export async function createTableClient(
  config: Config,
  table: string,
): Promise<import('@azure/data-tables').TableClient> {
  const { TableClient } = await import('@azure/data-tables');
  if (config.AzureWebJobsStorage)
    return TableClient.fromConnectionString(config.AzureWebJobsStorage, table, {
      allowInsecureConnection: true,
      retryOptions: TABLE_RETRY,
    });
  const uri = config.AzureWebJobsStorage__tableServiceUri;
  if (!uri) throw new Error('AzureWebJobsStorage__tableServiceUri is required for tables with identity-based storage.');
  return new TableClient(uri, table, await storageCredential(config), { retryOptions: TABLE_RETRY });
}
