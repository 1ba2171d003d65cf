import type { ContainerClient } from '@azure/storage-blob';
import type { Config } from '../../config';
import type { DocumentStore } from '../../domain/ports';
import { createBlobServiceClient } from './storage-account';
import { withStorageDeadline } from './storage-errors';

/**
 * JSON documents in one Blob container. The SDK is required lazily so that a cold start of a
 * function that never touches storage (chat) does not pay for loading it. Every operation has a
 * client-side deadline (withStorageDeadline), so a storage that never answers is a 503, not a hang.
 */
export class BlobDocumentStore implements DocumentStore {
  private container?: Promise<ContainerClient>;

  constructor(private readonly config: Config) {}

  private client(): Promise<ContainerClient> {
    this.container ??= (async () => {
      const service = await createBlobServiceClient(this.config);
      const container = service.getContainerClient(this.config.PRESTO_BLOB_CONTAINER);
      await withStorageDeadline((options) => container.createIfNotExists(options));
      return container;
    })();
    // A failed start (storage down) must not be cached forever: the next call tries again.
    this.container.catch(() => (this.container = undefined));
    return this.container;
  }

  /**
   * One GET, not `downloadToBuffer`: that asks for the size first (a HEAD) and then the bytes, so a
   * replace in between could give the length of one version and the content of the next (a cut
   * JSON document); one request is one version, and one round trip fewer on every stored-mode read.
   */
  async getJson(path: string): Promise<unknown> {
    return (await this.read(path))?.value;
  }

  async putJson(path: string, value: unknown): Promise<void> {
    const body = JSON.stringify(value);
    const blob = (await this.client()).getBlockBlobClient(path);
    await withStorageDeadline((options) =>
      blob.upload(body, Buffer.byteLength(body), {
        ...options,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      }),
    );
  }

  async read(path: string): Promise<{ value: unknown; etag: string } | undefined> {
    const blob = (await this.client()).getBlockBlobClient(path);
    try {
      return await withStorageDeadline(async (options) => {
        const response = await blob.download(0, undefined, options);
        const text = await streamToString(response.readableStreamBody);
        return { value: JSON.parse(text) as unknown, etag: response.etag ?? '' };
      });
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  create(path: string, value: unknown): Promise<boolean> {
    return this.conditionalPut(path, value, { ifNoneMatch: '*' });
  }

  replace(path: string, value: unknown, etag: string): Promise<boolean> {
    return this.conditionalPut(path, value, { ifMatch: etag });
  }

  /** Append blobs take whole blocks atomically, so concurrent writers never interleave a line. */
  async appendLines(path: string, lines: string[]): Promise<void> {
    if (lines.length === 0) return;
    const blob = (await this.client()).getAppendBlobClient(path);
    const body = lines.map((l) => `${l}\n`).join('');
    await withStorageDeadline(async (options) => {
      await blob.createIfNotExists({ ...options, blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
      await blob.appendBlock(body, Buffer.byteLength(body), options);
    });
  }

  /** 409 (exists, for If-None-Match) and 412 (changed, for If-Match) both mean "someone else won". */
  private async conditionalPut(
    path: string,
    value: unknown,
    conditions: { ifNoneMatch?: string; ifMatch?: string },
  ): Promise<boolean> {
    const body = JSON.stringify(value);
    const blob = (await this.client()).getBlockBlobClient(path);
    try {
      await withStorageDeadline((options) =>
        blob.upload(body, Buffer.byteLength(body), {
          ...options,
          blobHTTPHeaders: { blobContentType: 'application/json' },
          conditions,
        }),
      );
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412) return false;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const container = await this.client();
    return withStorageDeadline(async ({ abortSignal }) => {
      const names: string[] = [];
      for await (const item of container.listBlobsFlat({ prefix, abortSignal })) names.push(item.name);
      return names;
    });
  }

  async ping(): Promise<boolean> {
    try {
      const container = await this.client();
      await withStorageDeadline((options) => container.getProperties(options));
      return true;
    } catch {
      return false;
    }
  }
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

async function streamToString(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
