import type { DocumentStore } from '../../api/domain/ports';

export class MemoryDocumentStore implements DocumentStore {
  readonly docs = new Map<string, unknown>();
  up = true;
  async getJson(path: string) {
    return structuredClone(this.docs.get(path));
  }
  async putJson(path: string, value: unknown) {
    await this.putVersioned(path, value);
  }
  async list(prefix: string) {
    return [...this.docs.keys()].filter((k) => k.startsWith(prefix));
  }
  async ping() {
    return this.up;
  }
  readonly versions = new Map<string, number>();
  readonly appended = new Map<string, string[]>();
  async read(path: string) {
    return this.docs.has(path)
      ? { value: structuredClone(this.docs.get(path)), etag: String(this.versions.get(path) ?? 0) }
      : undefined;
  }
  async create(path: string, value: unknown) {
    if (this.docs.has(path)) return false;
    await this.putVersioned(path, value);
    return true;
  }
  async replace(path: string, value: unknown, etag: string) {
    if (!this.docs.has(path) || String(this.versions.get(path) ?? 0) !== etag) return false;
    await this.putVersioned(path, value);
    return true;
  }
  async appendLines(path: string, lines: string[]) {
    this.appended.set(path, [...(this.appended.get(path) ?? []), ...lines]);
  }
  private async putVersioned(path: string, value: unknown) {
    this.docs.set(path, structuredClone(value));
    this.versions.set(path, (this.versions.get(path) ?? 0) + 1);
  }
}
