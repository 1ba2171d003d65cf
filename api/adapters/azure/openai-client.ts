import type { OpenAI } from 'openai';
import type { TokenProvider } from './credential';

export type OpenAiSdk = typeof import('openai');

let sdk: Promise<OpenAiSdk> | undefined;

/**
 * `openai` costs ~200 ms to require, so it is loaded on the first Azure call (once per process),
 * keeping every function's cold start short (`npm run bench`).
 */
export function loadOpenAiSdk(): Promise<OpenAiSdk> {
  sdk ??= import('openai');
  return sdk;
}

export interface OpenAiClientOptions {
  endpoint: string;
  /** Key auth, sent as Azure's `api-key` header. */
  apiKey?: string;
  /** Otherwise a Microsoft Entra token per request (cached and refreshed by @azure/identity). */
  tokenProvider?: TokenProvider;
  timeoutMs: number;
}

/**
 * The plain `OpenAI` client against Azure's v1 GA surface (`/openai/v1/`, no api-version), as
 * Microsoft recommends: https://learn.microsoft.com/azure/ai-foundry/openai/api-version-lifecycle.
 * The SDK's own retries are off: ours honour Azure's `retry-after-ms`, cap the wait and tell the user.
 */
export async function createOpenAiClient(options: OpenAiClientOptions): Promise<OpenAI> {
  const [{ OpenAI }, { nodeHttpFetch }] = await Promise.all([loadOpenAiSdk(), import('./node-http-fetch')]);
  const { apiKey, tokenProvider } = options;
  if (!apiKey && !tokenProvider) throw new Error('createOpenAiClient needs an apiKey or a tokenProvider');
  return new OpenAI({
    baseURL: `${options.endpoint}/openai/v1/`,
    // The SDK only sends `Authorization: Bearer`; Azure's documented key header is `api-key`,
    // so a key travels there and the bearer header is removed.
    apiKey: apiKey ?? tokenProvider,
    defaultHeaders: apiKey ? { 'api-key': apiKey, Authorization: null } : undefined,
    maxRetries: 0,
    // Node's fetch costs twice the CPU per call on every chat turn (node-http-fetch.ts).
    fetch: nodeHttpFetch,
    timeout: options.timeoutMs,
  });
}

/** One client per process (docs/pitfalls.md 6.2): built on first use, shared by every Azure adapter. */
export class OpenAiClientHolder {
  private client?: Promise<OpenAI>;

  constructor(private readonly build: () => Promise<OpenAI>) {}

  get(): Promise<OpenAI> {
    this.client ??= this.build().catch((error: unknown) => {
      this.client = undefined;
      throw error;
    });
    return this.client;
  }
}
