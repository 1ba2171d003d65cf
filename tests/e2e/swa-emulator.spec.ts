// Issue #11 item 6: the built SPA through Azure's own Static Web Apps emulator, so routes, the
// navigation fallback, CSP and the other headers are applied by SWA's code (not by our local
// runtime's reading of the file), and SWA finds exactly one staticwebapp.config.json: web/dist's.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { baseURL } from './helpers';
import { startSwaEmulator, type SwaEmulator } from './swa-emulator';

const root = path.resolve(__dirname, '../..');
let swa: SwaEmulator;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // The first run installs the CLI (bounded in swa-emulator.ts); later runs reuse it.
  test.setTimeout(300_000);
  swa = await startSwaEmulator(root, baseURL());
});

test.afterAll(async () => {
  await swa?.stop();
});

test('SWA picks the built web/dist/staticwebapp.config.json, the only one in the tree', () => {
  const found = [...swa.output().matchAll(/Found configuration file:\s*(\S+)/g)].map((m) => m[1]);
  expect(found).toEqual([path.join(root, 'web/dist/staticwebapp.config.json')]);
});

test('headers and CSP from the config on pages; the navigation fallback serves the SPA; assets are not rewritten', async ({
  request,
}) => {
  for (const pathname of ['/', '/some/deep/link']) {
    const res = await request.get(`${swa.url}${pathname}`);
    expect(res.status(), pathname).toBe(200);
    expect(await res.text()).toMatch(/<div id="app"/);
    const headers = res.headers();
    expect(headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self'/);
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toBe('microphone=(self), camera=()');
  }
  expect((await request.get(`${swa.url}/assets/does-not-exist.js`)).status()).toBe(404);
  const html = await (await request.get(`${swa.url}/`)).text();
  const asset = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset, 'a built script under /assets').toBeTruthy();
  const script = await request.get(`${swa.url}${asset}`);
  expect(script.status()).toBe(200);
  expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('/api reaches our API behind SWA', async ({ request }) => {
  const health = await request.get(`${swa.url}/api/health`);
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ storage: 'ok' });
});

test('the SPA runs under SWA with its CSP enforced: no violation, and a chat answer arrives', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(swa.url);
  const input = page.getByTestId('chat-input');
  await expect(input).toBeVisible();
  await input.fill('Presto-Change-O, you are a bank');
  await input.press('Enter');
  await expect(page.locator('[data-testid="chat-message"][data-role="assistant"]').first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId('typing-indicator')).toHaveCount(0, { timeout: 20_000 });
  expect(violations).toEqual([]);
});
