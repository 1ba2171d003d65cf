// Invokes an httpTrigger registration for one request and streams its response like the
// library's stream proxy (@azure/functions 4.16.5 src/http/httpProxy.ts `sendProxyResponse`):
// same hop-by-hop header filter, body chunks written as they are produced.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReadableStream } from 'node:stream/web';
import { HttpRequest, HttpResponse, type Cookie, type HttpResponseInit } from '@azure/functions';
import { createInvocationContext, describeError, invokeHandler, logLine, type Logger } from './invocation';
import { allowsMethod, matchRoutes, type CompiledRoute } from './route-template';

export interface ApiOptions {
  routes: CompiledRoute[];
  logger: Logger;
  maxBodyBytes: number;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'trailers',
  'transfer-encoding',
  'upgrade',
]);

export function sendJsonError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return void res.destroy();
  const body = JSON.stringify({ error: { code, message, retryable: status >= 500 || status === 429 } });
  res.statusCode = status;
  for (const [name, value] of Object.entries({
    ...extra,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })) {
    res.setHeader(name, value);
  }
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

class BodyTooLarge extends Error {}

/** Reads the request body, refusing (without buffering further) anything over the cap. */
function readBody(req: IncomingMessage, cap: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > cap) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error?: Error) => {
      req.off('data', onData).off('end', onEnd).off('error', settle).off('aborted', onAborted);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= cap) return void chunks.push(chunk);
      req.pause(); // stop reading: the rest of the upload is never buffered
      settle(new BodyTooLarge());
    };
    const onEnd = () => settle();
    const onAborted = () => settle(new Error('client aborted the request'));
    req.on('data', onData).on('end', onEnd).on('error', settle).on('aborted', onAborted);
  });
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function serializeCookie(c: Cookie): string {
  let out = `${c.name}=${encodeURIComponent(c.value)}`;
  if (c.domain) out += `; Domain=${c.domain}`;
  if (c.path) out += `; Path=${c.path}`;
  if (c.expires !== undefined) out += `; Expires=${new Date(c.expires).toUTCString()}`;
  if (c.maxAge !== undefined) out += `; Max-Age=${Math.floor(c.maxAge)}`;
  if (c.secure) out += '; Secure';
  if (c.httpOnly) out += '; HttpOnly';
  if (c.sameSite) out += `; SameSite=${c.sameSite}`;
  return out;
}

function toHttpResponse(result: unknown): HttpResponse {
  if (result instanceof HttpResponse) return result;
  // The library refuses non-object results the same way (src/converters/toRpcHttp.ts).
  if (typeof result !== 'object') {
    throw new Error(
      'The HTTP response must be an object with optional properties "body", "status", "headers", and "cookies".',
    );
  }
  return new HttpResponse(result as HttpResponseInit);
}

async function streamBody(res: ServerResponse, body: ReadableStream<Uint8Array>): Promise<'done' | 'aborted'> {
  const reader = body.getReader();
  let aborted = false;
  const onClose = () => {
    if (res.writableFinished) return;
    // Client went away: cancel the body so the handler's generator runs its finally blocks.
    aborted = true;
    reader.cancel().catch(() => undefined);
  };
  res.on('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || aborted) break;
      if (value && value.length > 0 && !res.write(value)) {
        await new Promise<void>((resolve) => {
          const finish = () => {
            res.off('drain', finish).off('close', finish);
            resolve();
          };
          res.on('drain', finish).on('close', finish);
        });
      }
    }
    if (!aborted) res.end();
    return aborted ? 'aborted' : 'done';
  } finally {
    res.off('close', onClose);
  }
}

export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  api: ApiOptions,
  apiPath: string,
  baseHeaders: Record<string, string>,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const matches = matchRoutes(api.routes, apiPath);
  if (matches.length === 0)
    return sendJsonError(res, 404, 'not_found', `No API route matches ${method} ${req.url ?? ''}`, baseHeaders);
  const match = matches.find((m) => allowsMethod(m.route, method));
  if (!match) {
    const allow = [...new Set(matches.flatMap((m) => m.route.methods ?? []))].join(', ');
    return sendJsonError(res, 405, 'method_not_allowed', `${method} is not allowed on ${req.url ?? ''}`, {
      ...baseHeaders,
      allow,
    });
  }
  const registration = match.route.registration;

  let bytes: Buffer;
  try {
    bytes = await readBody(req, api.maxBodyBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) return void res.destroy();
    res.shouldKeepAlive = false; // the rest of the upload is never read
    return sendJsonError(res, 413, 'payload_too_large', `Request body exceeds ${api.maxBodyBytes} bytes`, {
      ...baseHeaders,
      connection: 'close',
    });
  }

  const started = Date.now();
  const context = createInvocationContext(registration, { logger: api.logger });
  const request = new HttpRequest({
    method,
    url: `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`,
    headers: flattenHeaders(req),
    params: match.params,
    // `query` is left out on purpose: HttpRequest then reads it from the URL and keeps repeated keys.
    body: bytes.length > 0 ? { bytes } : undefined,
  });

  let response: HttpResponse | undefined;
  try {
    const result = await invokeHandler(registration, request, context);
    response = result === undefined || result === null ? undefined : toHttpResponse(result);
  } catch (error) {
    logLine(api.logger, `${method} ${req.url} -> 500 ${registration.name} threw: ${describeError(error)}`);
    return sendJsonError(res, 500, 'internal', 'The function failed while handling the request.', baseHeaders);
  }
  if (res.destroyed) {
    await response?.body?.cancel().catch(() => undefined);
    return;
  }

  res.statusCode = response?.status ?? 204;
  for (const [name, value] of Object.entries(baseHeaders)) if (value !== '') res.setHeader(name, value);
  const connection =
    response?.headers
      .get('connection')
      ?.toLowerCase()
      .split(',')
      .map((s) => s.trim()) ?? [];
  response?.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && !HOP_BY_HOP.has(name) && !connection.includes(name)) res.setHeader(name, value);
  });
  const cookies = [...(response?.headers.getSetCookie() ?? []), ...(response?.cookies ?? []).map(serializeCookie)];
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.flushHeaders(); // SSE clients see the status line at once

  let outcome: 'done' | 'aborted' = 'done';
  try {
    if (response?.body && method !== 'HEAD')
      outcome = await streamBody(res, response.body as ReadableStream<Uint8Array>);
    else {
      await response?.body?.cancel().catch(() => undefined);
      res.end();
    }
  } catch (error) {
    // Headers are gone already; cutting the connection is the only honest signal left.
    logLine(api.logger, `${method} ${req.url} stream failed in ${registration.name}: ${describeError(error)}`);
    res.destroy();
    return;
  }
  logLine(
    api.logger,
    `${method} ${req.url} -> ${res.statusCode} ${registration.name} ${Date.now() - started}ms${outcome === 'aborted' ? ' (client disconnected)' : ''}`,
  );
}
