import type { BlobServiceClient } from '@azure/storage-blob';
import type { QueueServiceClient } from '@azure/storage-queue';
import type { Config } from '../../config';

/**
 * Storage clients from either a connection string (Azurite, local) or the identity-based
 * `AzureWebJobsStorage__*ServiceUri` settings Functions uses in Azure (no keys). SDKs are loaded
 * lazily so cold starts of functions that never touch storage stay short.
 */
export async function createBlobServiceClient(config: Config): Promise<BlobServiceClient> {
  const { BlobServiceClient } = await import('@azure/storage-blob');
  const retryOptions = { maxTries: 3, tryTimeoutInMs: 10_000 };
  if (config.AzureWebJobsStorage)
    return BlobServiceClient.fromConnectionString(config.AzureWebJobsStorage, { retryOptions });
  return new BlobServiceClient(config.AzureWebJobsStorage__blobServiceUri!, await storageCredential(config), {
    retryOptions,
  });
}

export async function createQueueServiceClient(config: Config): Promise<QueueServiceClient> {
  const { QueueServiceClient } = await import('@azure/storage-queue');
  if (config.AzureWebJobsStorage) return QueueServiceClient.fromConnectionString(config.AzureWebJobsStorage);
  const uri = config.AzureWebJobsStorage__queueServiceUri;
  if (!uri) throw new Error('AzureWebJobsStorage__queueServiceUri is required for queues with identity-based storage.');
  return new QueueServiceClient(uri, await storageCredential(config));
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
    return TableClient.fromConnectionString(config.AzureWebJobsStorage, table, { allowInsecureConnection: true });
  const uri = config.AzureWebJobsStorage__tableServiceUri;
  if (!uri) throw new Error('AzureWebJobsStorage__tableServiceUri is required for tables with identity-based storage.');
  return new TableClient(uri, table, await storageCredential(config));
}
