import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { UpstreamUnavailable } from '../../domain/errors';
import type { ChatModel, ModelChunk, ModelRequest } from '../../domain/ports';
import type { AzureCaller, DeploymentTarget } from './azure-caller';
import { readChatStream, type ChunkWatch } from './stream-reader';

/** The request body we send: `tools` + `tool_choice` only, never the deprecated `functions` (docs/pitfalls.md 3.4). */
export function chatBody(request: ModelRequest, deployment: string): ChatCompletionCreateParamsStreaming {
  const tools = request.tools.map((t) => ({
    type: 'function' as const,
    function: { name: t.name, description: t.description, parameters: t.parameters },
  }));
  return {
    model: deployment,
    messages: request.messages,
    ...(tools.length ? { tools, tool_choice: 'auto' as const, parallel_tool_calls: true } : {}),
    // Azure reserves prompt + this cap against TPM up front, so it stays realistic (docs/pitfalls.md 4.1);
    // `max_tokens` is refused by reasoning models.
    max_completion_tokens: request.maxCompletionTokens,
    stream: true,
    stream_options: { include_usage: true },
  };
}

/**
 * Calls `onIdle` once the upstream has been silent for `idleMs` while we wait on it: a stalled
 * stream never hangs the chat. Time spent downstream with a chunk in hand (a slow client) does not
 * count, as before. One timer that checks the time of the last chunk when it fires, rather than a
 * timer cleared and set again for every token (a timer-list insert per token, on every stream).
 */
export function idleWatch(idleMs: number, onIdle: () => void): ChunkWatch & { stop(): void } {
  let last = Date.now();
  let holding = false;
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    const quiet = holding ? 0 : Date.now() - last;
    if (quiet >= idleMs) onIdle();
    else timer = setTimeout(check, idleMs - quiet);
  };
  timer = setTimeout(check, idleMs);
  return {
    arrived: () => void (holding = true),
    waiting: () => {
      holding = false;
      last = Date.now();
    },
    stop: () => clearTimeout(timer),
  };
}

/**
 * The chat port on Azure OpenAI (model-router by default): streams text, assembled tool calls and
 * an `end` naming the routed model. Rate limits, refused parameters and content filtering are
 * handled by the AzureCaller and the stream reader; every wait is bounded.
 */
export class AzureChatModel implements ChatModel {
  readonly provider = 'azure' as const;

  constructor(
    private readonly caller: AzureCaller,
    private readonly target: DeploymentTarget,
    private readonly idleTimeoutMs: number,
  ) {}

  async *stream(request: ModelRequest, signal?: AbortSignal): AsyncIterable<ModelChunk> {
    const release = yield* this.caller.slot(this.target.deployment, signal);
    const idle = new AbortController();
    const combined = signal ? AbortSignal.any([signal, idle.signal]) : idle.signal;
    try {
      const body = chatBody(request, this.target.deployment);
      const stream = yield* this.caller.send(
        this.target,
        body,
        (client, b, s) => client.chat.completions.create(b, { signal: s }),
        combined,
      );
      const watch = idleWatch(this.idleTimeoutMs, () => idle.abort());
      try {
        yield* readChatStream(stream, this.target.deployment, watch);
      } finally {
        watch.stop();
      }
    } catch (error) {
      if (idle.signal.aborted && !signal?.aborted)
        throw new UpstreamUnavailable('Azure OpenAI stopped answering mid-reply. Please try again.');
      throw this.caller.translate(error, this.target);
    } finally {
      release();
    }
  }
}
