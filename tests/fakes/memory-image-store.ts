import type { ImageStore } from '../../api/domain/ports';

/** Blob-like binary store: ETags change on every write; `onlyIfAbsent` honours If-None-Match: *. */
export class MemoryImageStore implements ImageStore {
  readonly blobs = new Map<string, { bytes: Uint8Array; metadata: Record<string, string>; etag: string }>();
  writes = 0;
  private version = 0;
  async get(path: string) {
    const blob = this.blobs.get(path);
    return blob ? { ...blob, metadata: { ...blob.metadata } } : undefined;
  }
  async head(path: string) {
    const blob = this.blobs.get(path);
    return blob ? { metadata: { ...blob.metadata }, etag: blob.etag } : undefined;
  }
  async put(
    path: string,
    bytes: Uint8Array,
    metadata: Record<string, string>,
    options: { onlyIfAbsent?: boolean } = {},
  ) {
    if (options.onlyIfAbsent && this.blobs.has(path)) return false;
    this.writes++;
    this.blobs.set(path, { bytes: new Uint8Array(bytes), metadata: { ...metadata }, etag: `"v${++this.version}"` });
    return true;
  }
}
