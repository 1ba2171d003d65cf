import type { ChatEvent, ChatRequest } from '../../../api/contracts/chat';
import type { Health } from '../../../api/contracts/health';
import type { CreateModeRequest, Job, ModeJobAccepted } from '../../../api/contracts/jobs';
import type { Mode, ModeList } from '../../../api/contracts/mode';
import type { Persona } from '../../../api/contracts/persona';
import { createSseParser } from './sse';

type ToolReader = typeof import('./read-tool');

/**
 * The one place the API origin is decided. Locally the SPA and /api share an origin (''). In Azure
 * it is the Function app host, because SWA's /api route buffers SSE: set at deploy time in
 * index.html's <meta name="presto-api-base"> (runtime config), or at build time with VITE_API_BASE.
 */
export const API_BASE: string = (
  globalThis.document?.querySelector<HTMLMetaElement>('meta[name="presto-api-base"]')?.content ||
  (import.meta.env.VITE_API_BASE as string | undefined) ||
  ''
).replace(/\/+$/, '');

/** Chat streams that stay silent this long are treated as dropped (the server's budget is < 45 s). */
const STREAM_IDLE_MS = 60_000;

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    /** How long the server asked us to wait before trying again (Retry-After, or the body's retryAfterSeconds). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** POST /api/modes: the mode at once, or the job designing it. */
export type CreateModeResult = { kind: 'ready'; mode: Mode } | { kind: 'job'; jobId: string };

export const getHealth = (signal?: AbortSignal) => getJson<Health>('/api/health', signal);
/** The conversation's session: GET /api/modes then also lists its own modes that are not public yet. */
let listSession = '';
export const setListSession = (sessionId: string) => void (listSession = sessionId);
export const listModes = (signal?: AbortSignal) =>
  getJson<ModeList>(`/api/modes${listSession ? `?sessionId=${enc(listSession)}` : ''}`, signal);
export const getMode = (id: string, signal?: AbortSignal) => getJson<Mode>(`/api/modes/${enc(id)}`, signal);
export const getPersona = (id: string, seed: number, signal?: AbortSignal) =>
  getJson<Persona>(`/api/modes/${enc(id)}/persona?seed=${seed}`, signal);
export const getJob = (id: string, signal?: AbortSignal) => getJson<Job>(`/api/jobs/${enc(id)}`, signal);

/** POSTs a JSON body and reads the JSON answer, for callers that check its shape themselves (the voice client). */
export async function postForJson(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  return readJson<unknown>(await postJson(path, body, signal));
}

/** POSTs a JSON body; errors become ApiError like every other call (see `send`). */
export function postJson(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return send(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}

export async function createMode(req: CreateModeRequest, signal?: AbortSignal): Promise<CreateModeResult> {
  const res = await postJson('/api/modes', req, signal);
  const body = (await res.json()) as Mode | ModeJobAccepted;
  return res.status === 202 && 'jobId' in body
    ? { kind: 'job', jobId: body.jobId }
    : { kind: 'ready', mode: body as Mode };
}

/** POSTs a chat turn and calls `onEvent` for every SSE event until `done`, `error` or the end of the stream. */
export async function streamChat(req: ChatRequest, onEvent: (ev: ChatEvent) => void, signal?: AbortSignal) {
  const idle = new AbortController();
  const abort = () => idle.abort();
  signal?.addEventListener('abort', abort, { once: true });
  let timer = setTimeout(abort, STREAM_IDLE_MS);
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(abort, STREAM_IDLE_MS);
  };
  let finished = false;
  const reading = loadToolReader();
  try {
    const res = await send('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(req),
      signal: idle.signal,
    });
    if (!res.body) throw new ApiError('empty_stream', 'The server sent an empty answer.', true);
    const tools = await reading;
    const parser = createSseParser(({ event, data }) => {
      const ev = parseEvent(event, data, tools);
      if (!ev) return;
      if (ev.type === 'done' || ev.type === 'error') finished = true;
      onEvent(ev);
    });
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      touch();
      parser.push(value);
    }
    parser.end();
  } catch (err) {
    if (signal?.aborted) throw err;
    if (idle.signal.aborted) throw new ApiError('timeout', 'The answer took too long to arrive.', true);
    throw toApiError(err);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
  if (!finished) throw new ApiError('stream_interrupted', 'The answer was cut off before it finished.', true);
}

/** The tool-result reader brings zod, so it is fetched with the first chat turn, not with the page. */
let toolReader: Promise<ToolReader> | undefined;
export function loadToolReader(): Promise<ToolReader> {
  toolReader ??= import('./read-tool').catch(() => {
    toolReader = undefined;
    throw new ApiError('network', "Can't reach the Presto-Change-O site. Check the connection and try again.", true);
  });
  return toolReader;
}

function parseEvent(event: string, data: string, tools: ToolReader): ChatEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const obj = value as Record<string, unknown>;
  const type = typeof obj.type === 'string' ? obj.type : event;
  if (type === 'tool') {
    // Tool results drive the dashboard: parsed with the contract, a malformed one becomes a failed tool.
    const read = tools.readToolEvent({ ...obj, type });
    return read.ok ? read.value : tools.unreadableToolEvent(obj, read.message);
  }
  return { ...obj, type } as ChatEvent;
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return readJson<T>(await send(path, { headers: { accept: 'application/json' }, signal }));
}

async function readJson<T>(res: Response): Promise<T> {
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError('bad_response', 'The server sent an answer this page could not read.', true, res.status);
  }
}

/** fetch against API_BASE; a non-2xx answer becomes an ApiError (also used by the lazily loaded api/charts.ts). */
export async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(API_BASE + path, init);
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new ApiError('network', "Can't reach the Presto-Change-O API. Check the server and try again.", true);
  }
  if (!res.ok) throw await errorFrom(res);
  return res;
}

/** A limit that lifts later than this (a daily budget) offers no Retry: pressing it now cannot work. */
const RETRY_NOW_MAX_SECONDS = 120;

async function errorFrom(res: Response): Promise<ApiError> {
  const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
  // Readable same-origin; cross-origin only when exposed, hence the body's copy (api/http/errors.ts).
  const header = Number(res.headers.get('retry-after') ?? NaN);
  const retryAfter = Number.isFinite(header) && header >= 0 ? header : undefined;
  try {
    const body = (await res.json()) as {
      error?: { code?: unknown; message?: unknown; retryable?: unknown; retryAfterSeconds?: unknown };
    };
    const e = body.error;
    if (e && typeof e.message === 'string') {
      const wait = typeof e.retryAfterSeconds === 'number' ? e.retryAfterSeconds : retryAfter;
      const waitsLong = wait !== undefined && wait > RETRY_NOW_MAX_SECONDS;
      return new ApiError(
        typeof e.code === 'string' ? e.code : String(res.status),
        e.message,
        (typeof e.retryable === 'boolean' ? e.retryable : retryable) && !waitsLong,
        res.status,
        wait,
      );
    }
  } catch {
    /* not JSON: fall through to a generic message */
  }
  return new ApiError(
    `http_${res.status}`,
    `The server answered ${res.status} ${res.statusText}`.trim() + '.',
    retryable,
    res.status,
    retryAfter,
  );
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError('unexpected', err instanceof Error ? err.message : 'Something went wrong.', true);
}

export const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';

const enc = encodeURIComponent;
