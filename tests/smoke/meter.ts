// Token usage as Azure reported it, read off the wire. The app's adapters return what the product
// needs (a mode draft, a PNG), not usage, so the smoke gives the shared SDK client a fetch that
// copies every response's `usage` aside (JSON bodies, and the last SSE chunk of a stream) and
// files it under the deployment the request went to. Nothing about the request or answer changes.
import type { TokenUsage } from './report';

type Fetch = typeof fetch;

interface RawUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  input_tokens?: number;
  output_tokens?: number;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
  output_tokens_details?: { reasoning_tokens?: number } | null;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Chat completions (`prompt_tokens`/`completion_tokens`) and images (`input_tokens`/`output_tokens`) alike. */
export function normaliseUsage(raw: unknown): Omit<TokenUsage, 'requests'> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const u = raw as RawUsage;
  const input = num(u.prompt_tokens) ?? num(u.input_tokens);
  const output = num(u.completion_tokens) ?? num(u.output_tokens);
  if (input === undefined && output === undefined) return undefined;
  const reasoning =
    num(u.completion_tokens_details?.reasoning_tokens) ?? num(u.output_tokens_details?.reasoning_tokens);
  return { input: input ?? 0, output: output ?? 0, ...(reasoning !== undefined ? { reasoning } : {}) };
}

export function addUsage(a: TokenUsage | undefined, b: Omit<TokenUsage, 'requests'>): TokenUsage {
  const sum = (x?: number, y?: number) => (x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0));
  const reasoning = sum(a?.reasoning, b.reasoning);
  const audio = sum(a?.audio, b.audio);
  return {
    input: (a?.input ?? 0) + b.input,
    output: (a?.output ?? 0) + b.output,
    requests: (a?.requests ?? 0) + 1,
    ...(reasoning !== undefined ? { reasoning } : {}),
    ...(audio !== undefined ? { audio } : {}),
  };
}

/** `…/deployments/<name>/…` (dated routes) or the body's `model` (v1 routes). */
function deploymentOf(url: string, body: unknown): string | undefined {
  const dated = /\/openai\/deployments\/([^/?]+)\//.exec(url)?.[1];
  if (dated) return decodeURIComponent(dated);
  if (typeof body !== 'string') return undefined;
  try {
    const model = (JSON.parse(body) as { model?: unknown }).model;
    return typeof model === 'string' ? model : undefined;
  } catch {
    return undefined;
  }
}

/** The `usage` of the last SSE `data:` line that has one (stream_options.include_usage). */
async function usageFromStream(stream: ReadableStream<Uint8Array>): Promise<unknown> {
  const decoder = new TextDecoder();
  let buffer = '';
  let usage: unknown;
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('data:') || !line.includes('"usage"')) continue;
      try {
        const parsed = (JSON.parse(line.slice(5)) as { usage?: unknown }).usage;
        if (parsed) usage = parsed;
      } catch {
        // a partial or non-JSON line carries no usage
      }
    }
  }
  return usage;
}

/** `ENOTFOUND res.openai.azure.com`, from undici's `fetch failed` and its cause. */
function networkCause(error: unknown, url: string): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message =
    typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : 'failed';
  return `${code ?? message} ${new URL(url).host}`.slice(0, 160);
}

export class UsageMeter {
  private readonly byDeployment = new Map<string, TokenUsage>();
  private network?: string;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly base: Fetch = fetch) {}

  /** A fetch for the SDK client (OpenAI `fetch` option). */
  readonly fetch: Fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const deployment = deploymentOf(url, init?.body);
    let response: Response;
    try {
      response = await this.base(input, init);
    } catch (error) {
      // A network failure is retryable; keep its cause for the fix the smoke prints.
      if (!(error instanceof Error && error.name === 'AbortError')) this.network = networkCause(error, url);
      throw error;
    }
    if (!deployment || !response.ok || !response.body) return response;
    const type = response.headers.get('content-type') ?? '';
    let read: Promise<unknown>;
    let passed: Response = response;
    if (type.includes('text/event-stream')) {
      const [mine, theirs] = response.body.tee();
      passed = new Response(theirs, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      read = usageFromStream(mine);
    } else if (type.includes('json')) {
      read = response
        .clone()
        .json()
        .then((json: unknown) => (json as { usage?: unknown }).usage);
    } else return response;
    const job = read
      .then((raw) => {
        const usage = normaliseUsage(raw);
        if (usage) this.byDeployment.set(deployment, addUsage(this.byDeployment.get(deployment), usage));
      })
      .catch(() => undefined)
      .finally(() => this.pending.delete(job));
    this.pending.add(job);
    return passed;
  };

  /** The usage of every answer from this deployment so far (after the bodies in flight are read). */
  async usageOf(deployment: string): Promise<TokenUsage | undefined> {
    await Promise.all([...this.pending]);
    return this.byDeployment.get(deployment);
  }

  /** The last request that never got an HTTP answer (DNS, refused, TLS …), if any. */
  networkFailure(): string | undefined {
    return this.network;
  }

  /** Without waiting: for a row that timed out. */
  peek(deployment: string): TokenUsage | undefined {
    return this.byDeployment.get(deployment);
  }
}
