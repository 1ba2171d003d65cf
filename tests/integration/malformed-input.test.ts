// Every HTTP route of the real app, through the local runtime, fed malformed input: odd path
// parameters, odd query strings, and bodies of every wrong shape. Nothing may answer 5xx, and every
// error is the JSON error shape with a message — "bad input gets a clear 4xx JSON error".
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/contracts/common';
import { startLocal, type LocalRuntime } from '../../api/local/start';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startLocal({
    root: path.resolve(__dirname, '../..'),
    port: 0,
    inMemoryStorage: true,
    quiet: true,
    env: { AI_PROVIDER: 'offline', PRESTO_OFFLINE_CHUNK_MS: '0', PRESTO_DEMO_REQUESTS_PER_MINUTE: '100000' },
  });
}, 60_000);
afterAll(async () => runtime?.stop(), 30_000);

const PARAMS = [
  '..',
  '%2e%2e',
  '%00',
  'x'.repeat(300),
  '%F0%9F%A6%84',
  'banking%2F..%2Fsecrets',
  '__proto__',
  'constructor',
  '-1',
  ' ',
];
const BODIES: Array<string | undefined> = [
  undefined,
  '',
  'null',
  '[]',
  '{}',
  '"a string"',
  '42',
  '{"sessionId":',
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}',
  JSON.stringify({ sessionId: 'fuzz-session-1', modeId: 'banking', personaSeed: -5, messages: [] }),
  JSON.stringify({ sessionId: 'fuzz-session-1', modeId: ['banking'], personaSeed: 'seven', messages: 'hi' }),
  JSON.stringify({
    sessionId: 'fuzz-session-1',
    modeId: 'banking',
    personaSeed: 7,
    messages: [{ role: 'tool', content: null }],
  }),
  JSON.stringify({
    sessionId: 'fuzz-session-1',
    modeId: 'banking',
    personaSeed: 1e308,
    messages: [{ role: 'user', content: 'hi' }],
  }),
  JSON.stringify({ industry: { nested: true }, companyName: 12 }),
  JSON.stringify({ modeId: 'banking', datasetIds: [], personaSeed: 7 }),
  JSON.stringify({ modeId: 'banking', datasetIds: Array(50).fill('checking'), personaSeed: 7 }),
  JSON.stringify({ sessionId: 'fuzz-session-1', modeId: 'banking', personaSeed: 7, args: 'not an object' }),
  JSON.stringify({ deep: JSON.parse('['.repeat(200) + ']'.repeat(200)) }),
];
const QUERIES = ['', '?days=-1', '?days=abc', '?seed=%00', '?deep=maybe'];

const fill = (route: string, value: string) => route.replace(/\{[^}]+\}/g, value);

async function expectJsonError(res: Response, what: string): Promise<void> {
  if (res.status < 400) return void (await res.body?.cancel());
  const text = await res.text();
  const parsed = ApiError.safeParse(JSON.parse(text));
  expect(parsed.success, `${what}: ${text.slice(0, 200)}`).toBe(true);
  expect(parsed.data?.error.message.length, what).toBeGreaterThan(0);
  // The one deliberate 5xx: voice on the offline engine says it is unavailable, and why (documented).
  if (res.status === 503 && parsed.data?.error.code === 'voice_unavailable') return;
  expect(res.status, `${what}: ${text.slice(0, 200)}`).toBeLessThan(500);
}

describe('malformed input on every route (the real app on the local runtime)', () => {
  it('never answers 5xx, and every error is JSON with a code and a message', async () => {
    const routes = runtime.registry.flatMap((r) => {
      const trigger = r.bindings ? Object.values(r.bindings).find((b) => b.type === 'httpTrigger') : undefined;
      return trigger ? [{ route: String(trigger.route), methods: trigger.methods ?? ['GET'] }] : [];
    });
    expect(routes.length).toBeGreaterThanOrEqual(12);
    let requests = 0;
    for (const { route, methods } of routes) {
      const paths = route.includes('{') ? PARAMS.map((p) => fill(route, p)) : [route];
      for (const method of methods) {
        for (const p of paths) {
          for (const query of method === 'GET' ? QUERIES : ['']) {
            for (const body of method === 'GET' ? [undefined] : BODIES) {
              const what = `${method} /api/${p}${query} ${body === undefined ? '(no body)' : body.slice(0, 60)}`;
              const res = await fetch(`${runtime.url}/api/${p}${query}`, {
                method,
                headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.99' },
                body,
              });
              requests++;
              if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
                await res.body?.cancel();
                continue;
              }
              await expectJsonError(res, what);
            }
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(200);
  }, 120_000);
});
