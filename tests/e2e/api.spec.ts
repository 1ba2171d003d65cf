import { expect, test } from '@playwright/test';
import { baseURL } from './helpers';

const chat = (body: unknown) => ({
  data: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});
const valid = {
  sessionId: 'e2e-session',
  modeId: 'banking',
  personaSeed: 1,
  messages: [{ role: 'user', content: 'hi' }],
};

test.describe('bad input over HTTP gets a clear 4xx JSON error, never a 500', () => {
  for (const [name, body, status] of [
    ['broken JSON', '{"oops"', 400],
    ['wrong types', { ...valid, messages: 'hello' }, 400],
    ['unknown mode', { ...valid, modeId: 'casino' }, 404],
    ['huge body', { ...valid, messages: [{ role: 'user', content: 'x'.repeat(2_000_000) }] }, 413],
  ] as const) {
    test(`POST /api/chat ${name} → ${status}`, async ({ request }) => {
      const res = await request.post(`${baseURL()}/api/chat`, chat(body));
      expect(res.status()).toBe(status);
      const json = await res.json();
      expect(json.error).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
        retryable: expect.any(Boolean),
      });
    });
  }

  test('unknown tool, unknown API route, wrong method', async ({ request }) => {
    expect((await request.post(`${baseURL()}/api/tools/rm_rf`, chat({ ...valid, args: {} }))).status()).toBe(404);
    const missing = await request.get(`${baseURL()}/api/nothing-here`);
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBeTruthy();
    expect((await request.delete(`${baseURL()}/api/chat`)).status()).toBe(405);
  });

  test('SSE answers stream as text/event-stream with a final done event', async ({ request }) => {
    const res = await request.post(
      `${baseURL()}/api/chat`,
      chat({ ...valid, messages: [{ role: 'user', content: 'show my savings' }] }),
    );
    expect(res.headers()['content-type']).toMatch(/text\/event-stream/);
    const text = await res.text();
    expect(text).toMatch(/event: tool/);
    expect(text.trim().split('\n\n').at(-1)).toMatch(/^event: done/);
  });
});

test('staticwebapp.config.json is honoured: navigation fallback and security headers', async ({ request }) => {
  const deep = await request.get(`${baseURL()}/some/deep/link`);
  expect(deep.status()).toBe(200);
  expect(await deep.text()).toMatch(/<div id="app"|<!doctype html>/i);
  expect(deep.headers()['content-security-policy']).toMatch(/default-src 'self'/);
  expect(deep.headers()['x-content-type-options']).toBe('nosniff');
  const health = await request.get(`${baseURL()}/api/health`);
  expect(health.headers()['x-content-type-options']).toBe('nosniff');
  expect((await request.get(`${baseURL()}/assets/does-not-exist.js`)).status()).toBe(404);
});
