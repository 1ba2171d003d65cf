import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { azureHarness, ofType, textOf, type AzureHarness } from './azure-harness';

let h: AzureHarness;
afterEach(async () => h?.stop());

describe('Azure clients and limits', () => {
  it('6.2: one SDK client per process, shared by chat, structured output and the deep health check', async () => {
    h = await azureHarness();
    await h.chat('hi');
    await h.chat('show my savings');
    h.emulator.enqueueFor('gpt-5-mini', { kind: 'json', value: { ok: true } });
    await h.adapters.structuredModel.complete({
      name: 'probe',
      schema: z.object({ ok: z.boolean() }),
      messages: [{ role: 'user', content: 'ok?' }],
      maxCompletionTokens: 50,
    });
    await h.adapters.deployments.check();
    expect(h.emulator.requests.length).toBeGreaterThan(5);
    expect(h.builds()).toBe(1);
  });

  it('6.1/6.2: building the azure deps loads neither openai nor @azure/identity (they load lazily on the first call)', () => {
    const root = path.resolve(__dirname, '../..');
    if (!existsSync(path.join(root, 'dist/api/deps.js')))
      throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
    const script = `
      const { buildDeps } = require('./dist/api/deps.js');
      const { loadConfig } = require('./dist/api/config.js');
      buildDeps(loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com' }));
      const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](openai|@azure[\\\\/]identity)[\\\\/]/.test(k));
      process.stdout.write(JSON.stringify(loaded));`;
    const loaded = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString(),
    ) as string[];
    expect(loaded).toEqual([]);
  });

  it('4.2: beyond the per-deployment concurrency limit a request waits (and says so) instead of bursting Azure', async () => {
    h = await azureHarness({ env: { AZURE_OPENAI_MAX_CONCURRENCY: '1' } });
    h.emulator.enqueue({ kind: 'stall' });
    const first = new AbortController();
    const stalled = h.chat('hi', 'banking', first.signal);
    await vi.waitFor(() => expect(h.emulator.chatRequests()).toHaveLength(1));
    const second = h.chat('hi');
    await new Promise((r) => setTimeout(r, 50));
    expect(h.emulator.chatRequests()).toHaveLength(1);
    first.abort();
    await stalled;
    const events = await second;
    expect(ofType(events, 'status').map((e) => e.message)).toContain('Azure is busy — waiting for a free slot…');
    expect(textOf(events)).toMatch(/assistant/);
  });
});
