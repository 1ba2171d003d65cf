import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonBrain } from './brain';
import { chatCompletionsRoute, type ChatState } from './chat-completions';
import { modeBrandBrain, modeDetailsBrain, modeDraftBrain } from './mode-draft-brain';
import { probeRoutes } from './probe-routes';
import { createImageEmulation, type ImageEmulation } from './image-generations';
import { NO_LATENCY, type LatencyProfile } from './latency';
import { throttler, type ThrottleOptions } from './throttle';
import { RealtimeEmulator } from './realtime/realtime-emulator';
import { realtimeRoutes } from './realtime/routes';
import {
  defaultDeployments,
  type ChatRequestBody,
  type EmulatedDeployment,
  type RecordedRequest,
  type Route,
  type RouteContext,
  type ScriptedReply,
} from './types';
import * as wire from './wire';

export interface FoundryEmulatorOptions {
  /** 0 (default) picks a free loopback port. */
  port?: number;
  /** Accepted in the `api-key` header. */
  apiKey?: string;
  /** Accepted as `Authorization: Bearer <token>` (what a token provider would send). */
  bearerTokens?: string[];
  deployments?: EmulatedDeployment[];
  /** Pause between streamed chunks, so a browser sees text arrive. */
  chunkDelayMs?: number;
  promptFilter?: RegExp;
  /** Emulated realtime calls end after this (Azure: 1800; docs/pitfalls.md 2.1). */
  realtimeSessionSeconds?: number;
  /** Behaviours that hold the client to Azure where a lenient fake would let it pass; all off by default. */
  strict?: EmulatorStrictness;
  /** How long answers take (latency.ts); default none, `REALISTIC_LATENCY` for people (EMULATOR_LATENCY=realistic). */
  latency?: LatencyProfile;
  /** A throttled resource: this share of chat completions is answered 429 before any work (throttle.ts). */
  throttle?: ThrottleOptions;
}

export interface EmulatorStrictness {
  /** Reasoning deployments spend hidden reasoning tokens, by effort, out of max_completion_tokens (reasoning.ts). */
  reasoningBudget?: boolean;
  /** The HTTP status image content-filter refusals come with (Learn documents only the body; default 400). */
  imageRefusalStatus?: number;
}

/**
 * The strictness that agrees with Azure, used by the e2e azure pass and `npm run start:emulated`:
 * reasoning tokens come out of the budget. (The image refusal status stays 400 there: Learn does
 * not say which status Azure uses, so the tests that need another one set it themselves.)
 */
export const EMULATED_STRICTNESS: EmulatorStrictness = { reasoningBudget: true };

export interface FoundryEmulator {
  readonly url: string;
  readonly port: number;
  readonly apiKey: string;
  readonly deployments: EmulatedDeployment[];
  /** Every request, in order, for assertions. */
  readonly requests: RecordedRequest[];
  /** gpt-image on the v1 and the dated deployment routes: scripted replies, request log, generation count. */
  readonly images: ImageEmulation;
  /** Queues replies for the next chat completions (of one deployment, or any). */
  enqueue(...replies: ScriptedReply[]): void;
  enqueueFor(deployment: string, ...replies: ScriptedReply[]): void;
  /** Decides every chat completion until reset (undefined → queue, then the default brain). */
  respond(hook: ChatState['hook']): void;
  /** The default answer for json_schema requests with this schema name. */
  jsonBrain(name: string, brain: JsonBrain): void;
  /** Adds an entry to the router table (realtime #5, images #6); earlier entries win. */
  route(route: Route): void;
  /** Realtime client secrets and WebRTC calls (issue #5): drive a call by id. */
  readonly realtime: RealtimeEmulator;
  chatRequests(): ChatRequestBody[];
  reset(): void;
  stop(): Promise<void>;
}

const DEFAULT_KEY = 'emulator-key';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

/**
 * A local stand-in for an Azure AI Foundry / Azure OpenAI resource on a loopback port, speaking its
 * wire format (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/realtime-audio-webrtc). Scriptable per test; a default brain drives the UI otherwise.
 */
export async function startFoundryEmulator(options: FoundryEmulatorOptions = {}): Promise<FoundryEmulator> {
  const apiKey = options.apiKey ?? DEFAULT_KEY;
  const deployments = options.deployments ?? defaultDeployments();
  const requests: RecordedRequest[] = [];
  const queues = new Map<string, ScriptedReply[]>();
  const jsonBrains = new Map<string, JsonBrain>([
    ['mode_draft', modeDraftBrain],
    ['mode_brand', modeBrandBrain],
    ['mode_details', modeDetailsBrain],
  ]);
  const state: ChatState = {
    take: (name) => queues.get(name)?.shift() ?? queues.get('*')?.shift(),
    jsonBrains,
    chunkDelayMs: options.chunkDelayMs ?? 0,
    promptFilter: options.promptFilter ?? /\b(?:bomb|explosives?)\b/i,
    strictReasoning: options.strict?.reasoningBudget ?? false,
    latency: options.latency ?? NO_LATENCY,
    ...(options.throttle ? { throttled: throttler(options.throttle) } : {}),
  };
  const routes: Route[] = [];
  const extra: Route[] = [];

  const authorized = (req: IncomingMessage): wire.WireError | undefined => {
    const key = req.headers['api-key'];
    if (typeof key === 'string') return key === apiKey ? undefined : wire.unauthorizedError(false);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) return options.bearerTokens?.includes(bearer) ? undefined : wire.unauthorizedError(true);
    return wire.unauthorizedError(false);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readBody(req);
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      body = rawBody;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    });
    const sendJson = (status: number, json: unknown, extraHeaders: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'apim-request-id': wire.newId('apim'),
        ...extraHeaders,
      });
      res.end(JSON.stringify(json));
    };
    const denied = authorized(req);
    const ownAuth = [...extra, ...routes].some(
      (r) => r.ownAuth && r.method === req.method && r.pattern.test(url.pathname),
    );
    if (denied && !ownAuth) return sendJson(denied.status, denied.body);
    for (const route of [...extra, ...routes]) {
      const match = route.pattern.exec(url.pathname);
      if (!match || route.method !== req.method) continue;
      const ctx: RouteContext = {
        req,
        res,
        url,
        match,
        body,
        rawBody,
        sendJson,
        deployment: (name) => deployments.find((d) => d.name === name),
      };
      return route.handler(ctx);
    }
    const notFound = wire.notFoundError();
    sendJson(notFound.status, notFound.body);
  };

  const realtime = new RealtimeEmulator({ sessionMaxSeconds: options.realtimeSessionSeconds });
  const images = createImageEmulation({
    imageMs: state.latency.imageMs,
    refusalStatus: options.strict?.imageRefusalStatus ?? 400,
  });
  routes.push(chatCompletionsRoute(state), ...realtimeRoutes(realtime), ...images.routes, ...probeRoutes());
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'emulator_error', message: String(error) } }));
    });
  });
  // Longer than any pause between a test's requests: Node's 5 s default closes an idle keep-alive
  // socket just as Playwright's request context may reuse it, and that request fails with
  // ECONNRESET (https://nodejs.org/api/http.html#serverkeepalivetimeout).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    apiKey,
    deployments,
    requests,
    enqueue: (...replies) => queues.set('*', [...(queues.get('*') ?? []), ...replies]),
    enqueueFor: (name, ...replies) => queues.set(name, [...(queues.get(name) ?? []), ...replies]),
    respond: (hook) => {
      state.hook = hook;
    },
    jsonBrain: (name, brain) => jsonBrains.set(name, brain),
    route: (route) => extra.push(route),
    images,
    realtime,
    chatRequests: () =>
      requests.filter((r) => r.path === '/openai/v1/chat/completions').map((r) => r.body as ChatRequestBody),
    reset: () => {
      queues.clear();
      state.hook = undefined;
      requests.length = 0;
      images.reset();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        realtime.closeAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
