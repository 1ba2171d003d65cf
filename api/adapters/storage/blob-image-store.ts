import type { ContainerClient } from '@azure/storage-blob';
import type { Config } from '../../config';
import type { ImageStore } from '../../domain/ports';
import { createBlobServiceClient } from './storage-account';
import { withStorageDeadline } from './storage-errors';

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

/**
 * PNG blobs with metadata (`charts/<key>.png`) in the app container. The SDK loads lazily, as in
 * BlobDocumentStore, so functions that never touch images do not pay for it at cold start. Every
 * operation has a client-side deadline (withStorageDeadline), as in BlobDocumentStore.
 */
export class BlobImageStore implements ImageStore {
  private container?: Promise<ContainerClient>;

  constructor(private readonly config: Config) {}

  private client(): Promise<ContainerClient> {
    this.container ??= (async () => {
      const container = (await createBlobServiceClient(this.config)).getContainerClient(
        this.config.PRESTO_BLOB_CONTAINER,
      );
      await withStorageDeadline((options) => container.createIfNotExists(options));
      return container;
    })();
    // A failed start (storage down) is not cached: the next call tries again.
    this.container.catch(() => (this.container = undefined));
    return this.container;
  }

  async get(path: string): Promise<{ bytes: Uint8Array; metadata: Record<string, string>; etag: string } | undefined> {
    try {
      const blob = (await this.client()).getBlockBlobClient(path);
      return await withStorageDeadline(async (options) => {
        const response = await blob.download(0, undefined, options);
        const chunks: Buffer[] = [];
        for await (const chunk of response.readableStreamBody ?? [])
          chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        return {
          bytes: new Uint8Array(Buffer.concat(chunks)),
          metadata: response.metadata ?? {},
          etag: response.etag ?? '',
        };
      });
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async head(path: string): Promise<{ metadata: Record<string, string>; etag: string } | undefined> {
    try {
      const blob = (await this.client()).getBlockBlobClient(path);
      const properties = await withStorageDeadline((options) => blob.getProperties(options));
      return { metadata: properties.metadata ?? {}, etag: properties.etag ?? '' };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async put(
    path: string,
    bytes: Uint8Array,
    metadata: Record<string, string>,
    options: { onlyIfAbsent?: boolean } = {},
  ): Promise<boolean> {
    try {
      const blob = (await this.client()).getBlockBlobClient(path);
      await withStorageDeadline((deadline) =>
        blob.uploadData(bytes, {
          ...deadline,
          blobHTTPHeaders: { blobContentType: 'image/png' },
          metadata,
          ...(options.onlyIfAbsent ? { conditions: { ifNoneMatch: '*' } } : {}),
        }),
      );
      return true;
    } catch (error) {
      // 409 (exists) / 412: If-None-Match lost to another writer.
      if (options.onlyIfAbsent && (statusOf(error) === 409 || statusOf(error) === 412)) return false;
      throw error;
    }
  }
}
