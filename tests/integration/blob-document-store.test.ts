// The JSON document store on Azurite: a stored mode or job is read in one request, so what a reader
// gets is one version of the document, never the length of one version and the bytes of another.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobDocumentStore } from '../../api/adapters/storage/blob-document-store';
import { loadConfig } from '../../api/config';
import type { AzuriteHandle } from '../../api/local/azurite';
import { startTestAzurite } from './azurite.harness';

let azurite: AzuriteHandle;
let store: BlobDocumentStore;

beforeAll(async () => {
  azurite = await startTestAzurite();
  store = new BlobDocumentStore(loadConfig({ AzureWebJobsStorage: azurite.connectionString, AI_PROVIDER: 'offline' }));
  await store.putJson('warm-up.json', {}); // the container exists before anything is counted
}, 60_000);
afterAll(async () => azurite?.stop());

/** The storage requests (method and path) made while `work` runs. */
async function requestsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const onStart = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    seen.push(`${request.method} ${request.path.split('?')[0]}`);
  };
  subscribe('http.client.request.start', onStart);
  try {
    await work();
  } finally {
    unsubscribe('http.client.request.start', onStart);
  }
  return seen;
}

describe('BlobDocumentStore', () => {
  it('reads a stored document back, and nothing for a missing one', async () => {
    await store.putJson('modes/a.json', { id: 'a', name: 'Acme' });
    expect(await store.getJson('modes/a.json')).toEqual({ id: 'a', name: 'Acme' });
    expect(await store.getJson('modes/missing.json')).toBeUndefined();
  });

  it('reads a document in one GET, so a replace in between cannot mix two versions', async () => {
    await store.putJson('modes/b.json', { id: 'b', tagline: 'short' });
    const requests = await requestsDuring(() => store.getJson('modes/b.json'));
    // A size probe (HEAD) before the download would read the size of one version and the bytes of the next.
    expect(requests).toEqual([expect.stringMatching(/^GET .*\/modes\/b\.json$/)]);
  });
});
