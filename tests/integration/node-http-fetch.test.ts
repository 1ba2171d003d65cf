// The fetch the openai client is given (node-http-fetch.ts), against a loopback server: it must
// behave as Node's fetch where the SDK and classify-error.ts look (streaming, aborts, the shape of
// failures), or a chat would hang, or a refused connection would lose its "what to check" hint.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from '../../api/adapters/azure/node-http-fetch';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let handler: Handler = (_req, res) => res.end();
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const text = (value: Uint8Array | undefined) => new TextDecoder().decode(value);

describe('the openai client’s fetch', () => {
  it('sends the method, headers and body, and streams the answer as it arrives', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let seen: { method?: string; type?: string; length?: string; key?: string; body: string } = { body: '' };
    handler = (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen = {
          method: req.method,
          type: req.headers['content-type'],
          length: req.headers['content-length'],
          key: req.headers['api-key'] as string,
          body,
        };
        res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req-1' });
        res.write('data: first\n\n');
        void released.then(() => res.end('data: [DONE]\n\n'));
      });
    };
    const response = await nodeHttpFetch(`${base}/openai/v1/chat/completions`, {
      method: 'POST',
      headers: new Headers({ 'content-type': 'application/json', 'api-key': 'k' }),
      body: '{"stream":true,"q":"ü"}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    const reader = response.body!.getReader();
    // The first event is readable while the server still holds the rest back: nothing is buffered.
    expect(text((await reader.read()).value)).toBe('data: first\n\n');
    release();
    expect(text((await reader.read()).value)).toBe('data: [DONE]\n\n');
    expect((await reader.read()).done).toBe(true);
    expect(seen).toEqual({
      method: 'POST',
      type: 'application/json',
      length: String(Buffer.byteLength('{"stream":true,"q":"ü"}')),
      key: 'k',
      body: '{"stream":true,"q":"ü"}',
    });
  });

  it('fails as fetch does when nobody listens: TypeError "fetch failed" with the system error as cause', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await nodeHttpFetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('fetch failed');
    expect(((error as TypeError).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('ends a body cut off mid-stream with TypeError "terminated", not a clean end', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: partial\n\n', () => setImmediate(() => res.socket?.destroy()));
    };
    const response = await nodeHttpFetch(`${base}/cut`);
    const reader = response.body!.getReader();
    expect(text((await reader.read()).value)).toBe('data: partial\n\n');
    const error = await reader.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('terminated');
  });

  it('rejects with the abort reason before the answer, and errors the body with it after', async () => {
    handler = () => {}; // never answers
    const early = new AbortController();
    const pending = nodeHttpFetch(`${base}/slow`, { signal: early.signal });
    early.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    handler = (_req, res) => {
      res.writeHead(200);
      res.write('data: one\n\n');
    };
    const late = new AbortController();
    const response = await nodeHttpFetch(`${base}/half`, { signal: late.signal });
    const reader = response.body!.getReader();
    await reader.read();
    late.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('decodes a compressed body and gives a 204 no body', async () => {
    handler = (req, res) => {
      if (req.url === '/empty') return res.writeHead(204).end();
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      res.end(gzipSync('{"ok":true}'));
    };
    expect(await (await nodeHttpFetch(`${base}/zipped`)).json()).toEqual({ ok: true });
    const empty = await nodeHttpFetch(`${base}/empty`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('leaves other bodies (an upload’s form data) to the global fetch', async () => {
    let type = '';
    handler = (req, res) => {
      type = req.headers['content-type'] ?? '';
      req.resume();
      req.on('end', () => res.end('ok'));
    };
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array([1, 2, 3])]), 'chart.png');
    const response = await nodeHttpFetch(`${base}/upload`, { method: 'POST', body: form });
    expect(await response.text()).toBe('ok');
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
  });
});
