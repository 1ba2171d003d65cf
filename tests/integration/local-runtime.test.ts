// The local runtime (api/local) against a tiny plain-JS Functions app that registers through the
// real @azure/functions package: HTTP routing and streaming, errors, queue semantics with
// in-memory Azurite, timers, and SWA-style static serving.
import { Agent, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedStorage, startLocal, type LocalRuntime } from '../../api/local/run-local';
import { SWA_CONFIG_SOURCE } from '../../api/local/swa-config';
import { until } from '../helpers/until';

const fixture = resolve(__dirname, '../fixtures/functions-app');
const swaConfigPath = resolve(__dirname, '../..', SWA_CONFIG_SOURCE);
const events: Array<Record<string, any>> = ((globalThis as any).__localRuntimeFixtureEvents ??= []);
const logs: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let runtime: LocalRuntime;

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');

/** A raw request: the path goes on the wire exactly as written (fetch would normalise `..`). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolveGet, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: runtime.port, path, method: 'GET' }, (res) => {
      let body = '';
      res
        .setEncoding('utf8')
        .on('data', (c: string) => (body += c))
        .on('end', () => resolveGet({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject).end();
  });
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  runtime = await startLocal({
    root: fixture,
    port: 0,
    inMemoryStorage: true,
    staticRoot: join(fixture, 'static'),
    swaConfigPath,
    logger: (line) => logs.push(line),
  });
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  process.off('unhandledRejection', onUnhandled);
}, 30_000);

describe('loading the app', () => {
  it('registers every function from the main glob and nothing else', () => {
    expect(runtime.registry.map((r) => r.name).sort()).toEqual(['boom', 'echo', 'hello', 'stream', 'tick', 'work']);
  });
});

describe('HTTP functions', () => {
  it('routes by template (case-insensitive, optional segment) with params, query and cookies', async () => {
    const res = await fetch(`${runtime.url}/api/HELLO/Ada%20L?q=1&q=2`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'Ada L', greeting: null, q: ['1', '2'], functionName: 'hello' });
    expect(res.headers.get('set-cookie')).toMatch(/^seen=yes%20please; HttpOnly; SameSite=Lax$/);
    const withOptional = (await (await fetch(`${runtime.url}/api/hello/ada/hi`)).json()) as { greeting: string };
    expect(withOptional.greeting).toBe('hi');
  });

  it('keeps an idle keep-alive socket past Node’s 5 s default, so a reused socket is never reset', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolveGet, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: runtime.port, path: '/api/hello/ada', agent }, (res) => {
          res.resume().on('end', () => resolveGet({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject).end();
      });
    try {
      expect(await get()).toEqual({ status: 200, reused: false });
      await new Promise((r) => setTimeout(r, 7_000));
      // With Node's default the server would have closed the socket at 5 s; the second request
      // would open a new one (or, sent at the wrong moment, fail with ECONNRESET).
      expect(await get()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 15_000);

  it('answers unknown routes with 404 JSON and wrong methods with 405 JSON', async () => {
    const missing = await fetch(`${runtime.url}/api/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not_found', message: expect.any(String), retryable: false },
    });
    const wrong = await fetch(`${runtime.url}/api/hello/ada`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
  });

  it('turns a throwing handler into 500 JSON without the message or a stack', async () => {
    const res = await fetch(`${runtime.url}/api/boom`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal', retryable: true } });
    expect(text).not.toMatch(/kaboom|secret|at .*\.js/);
    expect(logs.some((l) => l.includes('kaboom'))).toBe(true);
  });

  it('passes request bodies through and refuses bodies over 1 MiB with 413 JSON', async () => {
    const echo = await fetch(`${runtime.url}/api/echo`, { method: 'POST', body: 'héllo' });
    expect(await echo.text()).toBe('héllo');
    const big = await fetch(`${runtime.url}/api/echo`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('streams SSE chunk by chunk, before the handler has finished', async () => {
    const started = Date.now();
    const res = await fetch(`${runtime.url}/api/stream`, {
      method: 'POST',
      body: JSON.stringify({ count: 4, delayMs: 250, tag: 'full' }),
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const arrivals: Array<{ at: number; text: string }> = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arrivals.push({ at: Date.now() - started, text: new TextDecoder().decode(value) });
    }
    expect(arrivals.map((a) => a.text).join('')).toBe([0, 1, 2, 3].map((i) => `data: {"i":${i}}\n\n`).join(''));
    expect(arrivals.length).toBeGreaterThanOrEqual(3);
    // The first frame arrives well before the last one is even produced (3 × 250 ms later).
    expect(arrivals.at(-1)!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(500);
  });

  it('cancels the response body when the client disconnects, and keeps serving', async () => {
    const abort = new AbortController();
    const res = await fetch(`${runtime.url}/api/stream`, {
      method: 'POST',
      body: JSON.stringify({ count: 50, delayMs: 100, tag: 'cut' }),
      signal: abort.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    abort.abort();
    const closed = await until(
      'the generator finally block',
      () => events.find((e) => e.kind === 'stream-finally' && e.tag === 'cut'),
      5_000,
    );
    expect(closed.completed).toBe(false);
    expect((await fetch(`${runtime.url}/api/hello/again`)).status).toBe(200);
  });
});

describe('queue trigger', () => {
  it('base64-decodes, parses JSON, deletes on success and poisons after maxDequeueCount', async () => {
    const queue = QueueServiceClient.fromConnectionString(runtime.storageConnectionString).getQueueClient('work-items');
    const poison = QueueServiceClient.fromConnectionString(runtime.storageConnectionString).getQueueClient(
      'work-items-poison',
    );
    const failing = b64({ fail: true, id: 'marker' });
    await queue.sendMessage(b64({ ok: true, id: 'fine' }));
    await queue.sendMessage(b64('plain words'));
    await queue.sendMessage(failing);

    await until('the good message', () => events.find((e) => e.kind === 'queue' && e.message?.id === 'fine'));
    await until('the plain-text message', () => events.find((e) => e.kind === 'queue' && e.message === 'plain words'));
    const poisoned = await until(
      'a poison message',
      async () => (await poison.peekMessages()).peekedMessageItems[0],
      20_000,
    );
    expect(poisoned.messageText).toBe(failing); // moved as-is, still base64

    const attempts = events.filter((e) => e.kind === 'queue' && e.message?.id === 'marker');
    expect(attempts.map((e) => e.triggerMetadata.dequeueCount)).toEqual([1, 2, 3]);
    expect(attempts[0]!.triggerMetadata).toMatchObject({
      id: expect.any(String),
      popReceipt: expect.any(String),
      insertionTime: expect.any(String),
    });
    const good = events.find((e) => e.kind === 'queue' && e.message?.id === 'fine')!;
    expect(good.message).toEqual({ ok: true, id: 'fine' });
    expect((await queue.peekMessages()).peekedMessageItems).toHaveLength(0);
  }, 40_000);
});

describe('timer trigger', () => {
  it('fires on a six-field NCRONTAB schedule with camelCase timer info', async () => {
    const tick = await until('a timer tick', () => events.find((e) => e.kind === 'timer'), 5_000);
    expect(tick.functionName).toBe('tick');
    expect(tick.timer).toMatchObject({
      isPastDue: false,
      scheduleStatus: { last: expect.any(String), next: expect.any(String), lastUpdated: expect.any(String) },
    });
    expect(Date.parse(tick.timer.scheduleStatus.next)).toBeGreaterThan(Date.parse(tick.timer.scheduleStatus.last));
  });
});

describe('static site with staticwebapp.config.json', () => {
  it('serves index.html for deep links and real assets with immutable caching', async () => {
    const deep = await fetch(`${runtime.url}/some/deep/link`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('fixture-index');
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${runtime.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const head = await fetch(`${runtime.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await head.text()).toBe('');
  });

  it('does not fall back to index.html for excluded paths', async () => {
    const missingAsset = await fetch(`${runtime.url}/assets/missing.js`);
    expect(missingAsset.status).toBe(404);
    expect(await missingAsset.text()).not.toContain('fixture-index');
    expect((await fetch(`${runtime.url}/favicon.png`)).status).toBe(404);
  });

  it('puts globalHeaders on static and API responses alike', async () => {
    for (const path of ['/', '/assets/app.js', '/api/hello/x', '/api/nope', '/assets/missing.js']) {
      const res = await fetch(`${runtime.url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toMatch(/^default-src 'self'; script-src 'self'/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('refuses path traversal', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%5cpackage.json',
      '/assets/%2e%2e/%2e%2e/host.json',
    ]) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(400);
      expect(res.body, path).not.toContain('"main"');
      expect(res.body, path).not.toContain('extensions');
    }
  });
});

describe("in-memory storage is the runtime's own", () => {
  it("even when a parent process left AzureWebJobsStorage pointing at another runtime's data; the variable is restored on stop", async () => {
    const inherited =
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;';
    const before = process.env.AzureWebJobsStorage;
    process.env.AzureWebJobsStorage = inherited;
    try {
      const own = await startLocal({
        root: fixture,
        port: 0,
        inMemoryStorage: true,
        staticRoot: join(fixture, 'static'),
        swaConfigPath,
        logger: () => {},
      });
      try {
        expect(process.env.AzureWebJobsStorage).toBe(own.storageConnectionString);
        expect(own.storageConnectionString).not.toBe(inherited);
      } finally {
        await own.stop();
      }
      expect(process.env.AzureWebJobsStorage).toBe(inherited);
    } finally {
      if (before === undefined) delete process.env.AzureWebJobsStorage;
      else process.env.AzureWebJobsStorage = before;
    }
  }, 60_000);
});

describe('storage named by the settings', () => {
  it('is used as it is, with no Azurite of its own (as Core Tools does), so it outlives the runtime', async () => {
    const named = runtime.storageConnectionString; // the first runtime's Azurite stands in for an account
    const other = await startLocal({
      root: fixture,
      port: 0,
      inMemoryStorage: true, // asked for, but the named storage wins
      staticRoot: join(fixture, 'static'),
      swaConfigPath,
      env: { AzureWebJobsStorage: named },
      logger: (line) => logs.push(line),
    });
    try {
      expect(other.storageConnectionString).toBe(named);
      expect(logs.some((l) => l.includes('not starting Azurite'))).toBe(true);
    } finally {
      await other.stop();
    }
    // Its storage is still serving after it stopped: it never owned it.
    const queues = QueueServiceClient.fromConnectionString(named);
    await expect(queues.getProperties()).resolves.toBeTruthy();
  }, 60_000);

  it('"UseDevelopmentStorage=true" or an empty value still gets an Azurite of its own', () => {
    expect(namedStorage(fixture, { AzureWebJobsStorage: 'UseDevelopmentStorage=true' }, false)).toBeUndefined();
    expect(namedStorage(fixture, { AzureWebJobsStorage: '' }, false)).toBeUndefined();
    expect(namedStorage(fixture, { AzureWebJobsStorage: 'AccountName=x' }, true)).toBe('AccountName=x');
  });
});

describe('process hygiene', () => {
  it('saw no unhandled rejections', () => {
    expect(unhandled).toEqual([]);
  });
});
