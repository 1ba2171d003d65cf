import type { ContainerClient } from '@azure/storage-blob';
import type { Config } from '../../config';
import type { DocumentStore } from '../../domain/ports';
import { createBlobServiceClient } from './storage-account';

/**
 * JSON documents in one Blob container. The SDK is required lazily so that a cold start of a
 * function that never touches storage (chat) does not pay for loading it.
 */
export class BlobDocumentStore implements DocumentStore {
  private container?: Promise<ContainerClient>;

  constructor(private readonly config: Config) {}

  private client(): Promise<ContainerClient> {
    this.container ??= (async () => {
      const service = await createBlobServiceClient(this.config);
      const container = service.getContainerClient(this.config.PRESTO_BLOB_CONTAINER);
      await container.createIfNotExists();
      return container;
    })();
    // A failed start (storage down) must not be cached forever: the next call tries again.
    this.container.catch(() => (this.container = undefined));
    return this.container;
  }

  async getJson(path: string): Promise<unknown | undefined> {
    const blob = (await this.client()).getBlockBlobClient(path);
    try {
      const buffer = await blob.downloadToBuffer();
      return JSON.parse(buffer.toString('utf8'));
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  async putJson(path: string, value: unknown): Promise<void> {
    const body = JSON.stringify(value);
    await (await this.client()).getBlockBlobClient(path).upload(body, Buffer.byteLength(body), {
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  }

  async list(prefix: string): Promise<string[]> {
    const names: string[] = [];
    for await (const item of (await this.client()).listBlobsFlat({ prefix })) names.push(item.name);
    return names;
  }

  async ping(): Promise<boolean> {
    try {
      await (await this.client()).getProperties();
      return true;
    } catch {
      return false;
    }
  }
}
