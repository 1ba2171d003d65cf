import { chatEvents, responseText } from '../helpers/sse-events';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../api/contracts/chat';
import { loadConfig } from '../../api/config';
import { buildDeps, type Deps } from '../../api/deps';
import { chatPost } from '../../api/functions/chat-post';
import { MODE_SWITCHES_PER_MINUTE } from '../../api/domain/guard/tool-guard';
import { freeAzuritePorts, startAzurite } from '../../api/local/azurite';

let azurite: Awaited<ReturnType<typeof startAzurite>>;
let deps: Deps;
const ctx = () => new InvocationContext({ functionName: 'test', logHandler: () => {} });

beforeAll(async () => {
  const { blobPort, queuePort, tablePort } = await freeAzuritePorts();
  azurite = await startAzurite({ inMemory: true, blobPort, queuePort, tablePort });
  deps = buildDeps(loadConfig({ AzureWebJobsStorage: azurite.connectionString, PRESTO_OFFLINE_CHUNK_MS: '0' }));
});

afterAll(async () => {
  await azurite?.stop();
});

async function say(sessionId: string, modeId: string, content: string): Promise<ChatEvent[]> {
  const body = JSON.stringify({ sessionId, modeId, personaSeed: 7, messages: [{ role: 'user', content }] });
  const req = new HttpRequest({
    method: 'POST',
    url: 'http://127.0.0.1/api/chat',
    headers: { 'content-type': 'application/json' },
    body: { string: body },
  });
  const res: HttpResponseInit = await chatPost(() => deps)(req, ctx(), deps);
  expect(res.status).toBe(200);
  return chatEvents(await responseText(res));
}

describe('a presenter running through the pre-built industries', () => {
  it('switches twelve times in a row through /api/chat without being throttled', async () => {
    const tour = ['an insurer', 'a bank', 'an airline', 'a hospital', 'a retailer', 'an energy company'];
    const sessionId = 'presenter-tour';
    let current = 'banking';
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      const evts = await say(sessionId, current, `Presto-Change-O, you're ${tour[i % tour.length]}`);
      const tool = evts.find((e) => e.type === 'tool');
      expect(tool?.type === 'tool' && tool.result).not.toMatchObject({ error: { code: 'rate_limited' } });
      const mode = evts.find((e) => e.type === 'mode');
      expect(mode, `switch ${i + 1} (${tour[i % tour.length]})`).toBeDefined();
      if (mode?.type === 'mode') current = mode.mode.id;
      reached.push(current);
    }
    expect(reached.length).toBeGreaterThan(MODE_SWITCHES_PER_MINUTE);
    expect(new Set(reached)).toEqual(new Set(['insurance', 'banking', 'airline', 'healthcare', 'retail', 'energy']));
  });
});
