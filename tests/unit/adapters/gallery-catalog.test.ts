import { describe, expect, it } from 'vitest';
import { RestError } from '@azure/core-rest-pipeline';
import { StoredModeCatalog } from '../../../api/adapters/mode-catalog';
import { GalleryEntry, MAX_OWNERS } from '../../../api/contracts/gallery';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { companyVariant } from '../../../api/domain/modes/company-variant';
import { buildPersona } from '../../../api/domain/persona';
import { systemPrompt } from '../../../api/domain/prompts/system-prompt';
import { MemoryDocumentStore } from '../../fakes/memory-document-store';

const bank = getBuiltinMode('banking')!;
const variant = (id: string, company: string) => companyVariant(bank, id, company);

function setup() {
  const store = new MemoryDocumentStore();
  let now = 0;
  const catalog = new StoredModeCatalog(store, () => now);
  return { store, catalog, expire: () => (now += 60_000) };
}

const ids = async (catalog: StoredModeCatalog, sessionId?: string) =>
  (await catalog.list(sessionId ? { sessionId } : {})).map((m) => m.id);

describe('StoredModeCatalog gallery', () => {
  it('lists a mode made while a listing was already being read (its maker sees it at once)', async () => {
    const { store, catalog } = setup();
    // The first listing's read of storage is held until the new mode has been stored and claimed.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const list = store.list.bind(store);
    store.list = async (prefix) => {
      const names = await list(prefix);
      await held;
      return names;
    };
    const before = catalog.list({ sessionId: 's_someone_else' });
    await store.create('modes/banking--quayside.json', variant('banking--quayside', 'Quayside'));
    await catalog.claim('banking--quayside', 's_maker_000001');
    const after = catalog.list({ sessionId: 's_maker_000001' });
    release();
    expect((await before).map((m) => m.id)).not.toContain('banking--quayside'); // begun before it existed
    expect((await after).map((m) => m.id)).toContain('banking--quayside');
    expect(await ids(catalog)).toContain('banking--quayside'); // and not cached away for anyone
  });

  it('keeps a mode pending (listed for its maker only) while its check cannot be stored', async () => {
    const { store, catalog, expire } = setup();
    await catalog.claim('banking--harbour', 's_maker_000001');
    await store.create('modes/banking--harbour.json', variant('banking--harbour', 'Harbour'));
    const replace = store.replace.bind(store);
    store.replace = async () => {
      throw new Error('storage is down');
    };
    expect(await ids(catalog, 's_maker_000001')).toContain('banking--harbour');
    expect(await ids(catalog, 's_someone_else')).not.toContain('banking--harbour');
    expect(await ids(catalog)).not.toContain('banking--harbour');

    store.replace = replace;
    expire();
    expect(await ids(catalog, 's_someone_else')).toContain('banking--harbour'); // checked and approved now
    expect(GalleryEntry.parse(await store.getJson('gallery/banking--harbour.json'))).toMatchObject({
      moderation: 'approved',
      decidedBy: 'check',
    });
  });

  it('never lets the automatic check undo an operator: a hidden clean mode stays hidden', async () => {
    const { store, catalog, expire } = setup();
    await store.create('modes/banking--cedar.json', variant('banking--cedar', 'Cedar'));
    expect(await ids(catalog)).toContain('banking--cedar');
    await catalog.decide('banking--cedar', 'hidden');
    expect(await ids(catalog)).not.toContain('banking--cedar');
    expire();
    expect(await ids(catalog)).not.toContain('banking--cedar');
    // A refused mode an operator unhides is listed: the operator's word stands over the word list.
    await store.create('modes/banking--rude.json', variant('banking--rude', 'Shithouse Savings'));
    expire();
    expect(await ids(catalog)).not.toContain('banking--rude');
    await catalog.decide('banking--rude', 'approved');
    expect(await ids(catalog)).toContain('banking--rude');
  });

  it('stores hashed sessions, each once, and at most MAX_OWNERS of them; pre-built ids are never claimed', async () => {
    const { store, catalog } = setup();
    for (let i = 0; i < MAX_OWNERS + 5; i++)
      await catalog.claim('food-bank', `s_visitor_${String(i).padStart(4, '0')}`);
    await catalog.claim('food-bank', 's_visitor_0000');
    const entry = GalleryEntry.parse(await store.getJson('gallery/food-bank.json'));
    expect(entry.owners).toHaveLength(MAX_OWNERS);
    expect(new Set(entry.owners).size).toBe(MAX_OWNERS);
    expect(JSON.stringify(entry)).not.toContain('s_visitor_');
    await catalog.claim('banking', 's_visitor_0000');
    expect(await store.getJson('gallery/banking.json')).toBeUndefined();
    expect(await catalog.decide('banking', 'hidden')).toBeUndefined();
  });
});

describe('the chat system prompt', () => {
  it('names pre-built modes only, never a visitor’s generated one', async () => {
    const { store, catalog } = setup();
    await store.create('modes/banking--acme.json', variant('banking--acme', 'Acme Federal'));
    const listed = await catalog.list();
    expect(listed.map((m) => m.id)).toContain('banking--acme'); // approved, so in the gallery…
    const prompt = systemPrompt(bank, buildPersona(bank, 1, new Date('2026-03-15T00:00:00Z')), listed);
    expect(prompt).toContain('banking (');
    expect(prompt).not.toContain('banking--acme'); // …but not in another visitor's prompt
    expect(prompt).not.toContain('Acme Federal');
  });
});

describe('StoredModeCatalog when storage fails', () => {
  const outage = () => new RestError('connect ECONNREFUSED 127.0.0.1:10000', { code: 'ECONNREFUSED' });

  it('lists the pre-built modes flagged, and does not remember the failure as "no designed modes"', async () => {
    const { store, catalog } = setup();
    await store.create('modes/banking--cedar.json', variant('banking--cedar', 'Cedar'));
    const list = store.list.bind(store);
    store.list = () => Promise.reject(outage());
    const during = await catalog.listing();
    expect(during.generatedUnavailable).toBe(true);
    expect(during.modes.map((m) => m.id)).toEqual(expect.arrayContaining(['banking', 'insurance']));
    expect(during.modes.map((m) => m.id)).not.toContain('banking--cedar');

    // Storage answers again well within the list's cache lifetime (the clock has not moved): the designed mode is back.
    store.list = list;
    const after = await catalog.listing();
    expect(after.generatedUnavailable).toBeUndefined();
    expect(after.modes.map((m) => m.id)).toContain('banking--cedar');
  });

  it('answers a designed mode during an outage with the storage error, not "no such mode"', async () => {
    const { store, catalog } = setup();
    await store.create('modes/banking--cedar.json', variant('banking--cedar', 'Cedar'));
    const getJson = store.getJson.bind(store);
    store.getJson = () => Promise.reject(outage());
    await expect(catalog.get('banking--cedar')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(await catalog.get('banking')).toBeDefined(); // pre-built modes need no storage
    store.getJson = getJson;
    expect((await catalog.get('banking--cedar'))?.companyName).toBe('Cedar');
  });
});
