import type { DocumentStore } from '../../api/domain/ports';

export class MemoryDocumentStore implements DocumentStore {
  readonly docs = new Map<string, unknown>();
  up = true;
  async getJson(path: string) { return structuredClone(this.docs.get(path)); }
  async putJson(path: string, value: unknown) { this.docs.set(path, structuredClone(value)); }
  async list(prefix: string) { return [...this.docs.keys()].filter((k) => k.startsWith(prefix)); }
  async ping() { return this.up; }
}
