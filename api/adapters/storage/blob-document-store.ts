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

  async getJson(path: string): Promise<unknown> {
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

  async read(path: string): Promise<{ value: unknown; etag: string } | undefined> {
    try {
      const response = await (await this.client()).getBlockBlobClient(path).download();
      const text = await streamToString(response.readableStreamBody);
      return { value: JSON.parse(text), etag: response.etag ?? '' };
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
    await blob.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
    const body = lines.map((l) => `${l}\n`).join('');
    await blob.appendBlock(body, Buffer.byteLength(body));
  }

  /** 409 (exists, for If-None-Match) and 412 (changed, for If-Match) both mean "someone else won". */
  private async conditionalPut(
    path: string,
    value: unknown,
    conditions: { ifNoneMatch?: string; ifMatch?: string },
  ): Promise<boolean> {
    const body = JSON.stringify(value);
    try {
      await (await this.client()).getBlockBlobClient(path).upload(body, Buffer.byteLength(body), {
        blobHTTPHeaders: { blobContentType: 'application/json' },
        conditions,
      });
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412) return false;
      throw error;
    }
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

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

async function streamToString(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
