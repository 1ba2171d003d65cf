// The moderated public gallery (issue #16 item 4), through the local runtime and Azurite: what one
// visitor makes is listed for others only once it passes the word list, operators hide and unhide
// with an operator key (403 for anyone else) or the CLI, and a hidden mode leaves the list at once.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredModeCatalog } from '../../api/adapters/mode-catalog';
import { BlobDocumentStore } from '../../api/adapters/storage/blob-document-store';
import { TableApiKeyStore } from '../../api/adapters/storage/table-api-keys';
import { runKeysCommand } from '../../api/cli/keys-command';
import { runModesCommand } from '../../api/cli/modes-command';
import { loadConfig } from '../../api/config';
import type { Mode, ModeList } from '../../api/contracts/mode';
import { startLocal, type LocalRuntime } from '../../api/local/start';
import { until } from '../helpers/until';

let runtime: LocalRuntime;
let storage: ReturnType<typeof loadConfig>;
beforeAll(async () => {
  runtime = await startLocal({
    root: path.resolve(__dirname, '../..'),
    port: 0,
    inMemoryStorage: true,
    quiet: true,
    env: { AI_PROVIDER: 'offline', PRESTO_OFFLINE_CHUNK_MS: '0' },
  });
  storage = loadConfig({ AzureWebJobsStorage: runtime.storageConnectionString, AI_PROVIDER: 'offline' });
}, 60_000);
afterAll(async () => runtime?.stop(), 30_000);

const A = 's_visitor_a_0001';
const B = 's_visitor_b_0002';

async function listed(sessionId?: string): Promise<string[]> {
  const res = await fetch(`${runtime.url}/api/modes${sessionId ? `?sessionId=${sessionId}` : ''}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as ModeList).modes.map((m) => m.id);
}

/** A company on a pre-built industry is stored at once (no design job), named as the visitor typed it. */
async function make(companyName: string, sessionId: string, address: string): Promise<Mode> {
  const res = await fetch(`${runtime.url}/api/modes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ industry: 'bank', companyName, sessionId }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Mode;
}

async function createKey(plan: string): Promise<string> {
  const out = await runKeysCommand(
    ['create', '--name', `gallery-${plan}`, '--plan', plan],
    new TableApiKeyStore(storage),
    () => new Date(),
  );
  return /pco_[A-Za-z0-9_-]+/.exec(out)![0];
}

const moderate = (id: string, action: 'hide' | 'unhide', apiKey?: string) =>
  fetch(`${runtime.url}/api/modes/${id}/${action}`, {
    method: 'POST',
    headers: apiKey ? { 'x-api-key': apiKey } : {},
  });

describe('the moderated gallery (GET /api/modes)', () => {
  it('lists a refused mode for the visitor who made it only, and a clean one for everyone; a link still opens both', async () => {
    const rude = await make('Shitbag Savings', A, '198.51.100.41');
    const clean = await make('Harbour Federal', A, '198.51.100.41');

    const forA = await listed(A);
    expect(forA).toContain(rude.id);
    expect(forA).toContain(clean.id);
    const forB = await listed(B);
    expect(forB).not.toContain(rude.id);
    expect(forB).toContain(clean.id);
    expect(await listed()).not.toContain(rude.id);
    expect(forB).toEqual(expect.arrayContaining(['banking', 'insurance', 'healthcare', 'retail', 'airline', 'energy']));

    // Unlisted is not unusable: whoever holds the id (a ?mode= link) opens it.
    const opened = await fetch(`${runtime.url}/api/modes/${rude.id}`);
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as Mode).companyName).toBe('Shitbag Savings');
  }, 60_000);

  it('keeps what a visitor asked for by voice or chat (switch_mode) in that session’s own list', async () => {
    const res = await fetch(`${runtime.url}/api/tools/switch_mode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.44' },
      body: JSON.stringify({
        sessionId: B,
        modeId: 'banking',
        personaSeed: 7,
        args: { industry: 'bank', builtin: 'banking', company_name: 'Twatford Building Society' },
      }),
    });
    expect(res.status).toBe(200);
    const { mode } = (await res.json()) as { mode: Mode };
    expect(mode.companyName).toBe('Twatford Building Society');
    expect(await listed(B)).toContain(mode.id);
    expect(await listed(A)).not.toContain(mode.id);
  }, 60_000);

  it('hides a mode over HTTP with an operator key, at once; other keys and anonymous callers get 403', async () => {
    const mode = await make('Lighthouse Mutual', A, '198.51.100.42');
    expect(await listed(B)).toContain(mode.id);

    const starter = await moderate(mode.id, 'hide', await createKey('starter'));
    expect(starter.status).toBe(403);
    expect(await starter.json()).toMatchObject({ error: { code: 'operator_only', retryable: false } });
    const anonymous = await moderate(mode.id, 'hide');
    expect(anonymous.status).toBe(403);
    expect(await listed(B)).toContain(mode.id);

    const operator = await createKey('operator');
    const hidden = await moderate(mode.id, 'hide', operator);
    expect(hidden.status).toBe(200);
    expect(await hidden.json()).toEqual({ id: mode.id, moderation: 'hidden' });
    expect(await listed(B)).not.toContain(mode.id); // no wait: this instance dropped its list cache
    expect(await listed(A)).not.toContain(mode.id); // an operator's hide holds for its maker too
    expect((await fetch(`${runtime.url}/api/modes/${mode.id}`)).status).toBe(200);

    const unhidden = await moderate(mode.id, 'unhide', operator);
    expect(await unhidden.json()).toEqual({ id: mode.id, moderation: 'approved' });
    expect(await listed(B)).toContain(mode.id);

    expect((await moderate('banking', 'hide', operator)).status).toBe(404);
    expect((await moderate('no-such-mode', 'hide', operator)).status).toBe(404);
    const badKey = await moderate(mode.id, 'hide', 'pco_not-a-real-key');
    expect(badKey.status).toBe(401);
  }, 60_000);

  it('npm run modes -- list | hide | unhide works against the same storage', async () => {
    const mode = await make('Cedar Street Bank', A, '198.51.100.43');
    const rude = await make('Fuckwit Finance', A, '198.51.100.43');
    await listed(); // the automatic check runs as the gallery is read
    const cli = (...argv: string[]) => runModesCommand(argv, new StoredModeCatalog(new BlobDocumentStore(storage)));

    const list = await cli('list');
    expect(list).toMatch(new RegExp(`${mode.id}\\s+approved\\s+Cedar Street Bank`));
    expect(list).toMatch(new RegExp(`${rude.id}\\s+refused .*companyName`));
    expect(list).not.toContain('Fuckwit Finance — '); // the reason names the field, not the word

    expect(await cli('hide', mode.id)).toContain(`Hid ${mode.id}`);
    expect(await cli('list')).toMatch(new RegExp(`${mode.id}\\s+hidden`));
    // The CLI is another process: the app's list cache lets it through within its 2 s lifetime.
    await until('the hidden mode to leave the gallery', async () =>
      (await listed(B)).includes(mode.id) ? undefined : true,
    );
    expect(await cli('unhide', mode.id)).toContain(`Unhid ${mode.id}`);
    await until('the mode to come back', async () => ((await listed(B)).includes(mode.id) ? true : undefined));

    await expect(cli('hide', 'banking')).rejects.toThrow(/No generated mode banking/);
    await expect(cli('hide', 'Not An Id')).rejects.toThrow();
    await expect(cli('frobnicate')).rejects.toThrow();
  }, 60_000);

  it('rejects a malformed sessionId with a 400 JSON error', async () => {
    const res = await fetch(`${runtime.url}/api/modes?sessionId=${encodeURIComponent('<script>')}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: expect.any(String), retryable: false } });
  });
});
