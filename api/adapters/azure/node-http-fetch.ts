import http from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

/**
 * Idle keep-alive sockets are closed after this long, before a server's own idle timeout can close
 * one under a new request (undici, Node's fetch, does the same with a 4 s default). A server's
 * shorter `Keep-Alive: timeout=N` hint lowers it further (node:http Agent `keepSocketAlive`). It
 * never cuts a request in flight: a socket in use only reports the silence, which nothing here
 * acts on, so a reasoning model thinking for 20 s before its first token is not cut off.
 */
const IDLE_SOCKET_MS = 4_000;

const agents = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
};

/**
 * The `fetch` the openai client is given (its documented `fetch` option, openai-node
 * `src/client.ts` ClientOptions), for requests with a text body or none: every chat turn, design
 * step and picture request. Node's own fetch (undici) costs about 1 ms of CPU per streamed chat
 * completion for its request, header and stream machinery; this sends the same request over
 * node:http's keep-alive agent and hands back a standard `Response` whose body streams as it
 * arrives, for about half that (`npm run bench`, README "Performance"). Other bodies (the form data
 * of an upload, a stream) go to the global fetch unchanged.
 *
 * Failures keep fetch's shape, which classify-error.ts reads: a request that got no answer rejects
 * with `TypeError('fetch failed')` whose `cause` is the system error (`ECONNREFUSED`, `ENOTFOUND`,
 * TLS codes); a body cut off mid-stream errors with `TypeError('terminated')` and the socket error
 * as `cause`; an abort rejects (or errors the body) with the signal's reason, as fetch does.
 * Redirects are not followed (Azure OpenAI answers none; a 3xx reaches the SDK as an error).
 */
export const nodeHttpFetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const body = init?.body;
  if (input instanceof Request || (body != null && typeof body !== 'string')) return fetch(input, init);
  const url = new URL(String(input));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fetch(input, init);
  const signal = init?.signal ?? undefined;
  signal?.throwIfAborted();
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
  if (body != null) headers['content-length'] = String(Buffer.byteLength(body));
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const request = transport.request(
      url,
      { method: init?.method ?? 'GET', headers, agent: agents[url.protocol as keyof typeof agents], signal },
      (res) => {
        const status = res.statusCode ?? 502;
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
          responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        const noBody = status === 204 || status === 205 || status === 304 || init?.method === 'HEAD';
        if (noBody) res.resume();
        resolve(
          new Response(noBody ? null : webStream(res, decoded(res), signal), {
            status,
            statusText: res.statusMessage,
            headers: responseHeaders,
          }),
        );
      },
    );
    // An abort rejects with the signal's reason, as fetch does (a DOMException unless the caller gave one).
    request.on('error', (error) =>
      reject(signal?.aborted ? (signal.reason as Error) : new TypeError('fetch failed', { cause: error })),
    );
    request.end(body ?? undefined);
  });
}) as typeof fetch;

/** The body as sent, or decompressed as fetch would (nothing asks for compression, but a server may send it). */
function decoded(res: http.IncomingMessage): Readable {
  const encoding = res.headers['content-encoding']?.trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) return res;
  res.on('error', (error) => decoder.destroy(error));
  return res.pipe(decoder);
}

/** A pull-driven web stream over the response: the socket is paused while nobody reads. */
function webStream(res: http.IncomingMessage, source: Readable, signal?: AbortSignal): ReadableStream<Uint8Array> {
  let settled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const fail = (error?: unknown) => {
        if (settled) return;
        settled = true;
        controller.error(signal?.aborted ? signal.reason : new TypeError('terminated', { cause: error }));
      };
      source.on('data', (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) source.pause();
      });
      source.on('end', () => {
        if (settled) return;
        settled = true;
        controller.close();
      });
      source.on('error', fail);
      // A connection closed before the body's end without an error of its own is still a cut-off body.
      res.on('close', () => {
        if (!res.complete)
          fail(Object.assign(new Error('The connection closed before the body ended'), { code: 'ECONNRESET' }));
      });
    },
    pull() {
      source.resume();
    },
    cancel() {
      settled = true;
      res.destroy();
    },
  });
}
