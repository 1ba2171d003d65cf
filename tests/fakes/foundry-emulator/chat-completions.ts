import type { ServerResponse } from 'node:http';
import { defaultBrain, type JsonBrain } from './brain';
import { tokenMs, type LatencyProfile } from './latency';
import { effortRefusal, spendBudget, tokensOf } from './reasoning';
import { ChatRequestBody, type EmulatedDeployment, type Route, type RouteContext, type ScriptedReply } from './types';
import * as wire from './wire';

export interface ChatState {
  /** The next scripted reply for this deployment, if a test queued one. */
  take(deployment: string): ScriptedReply | undefined;
  hook?: ((request: ChatRequestBody, deployment: EmulatedDeployment) => ScriptedReply | undefined) | undefined;
  jsonBrains: ReadonlyMap<string, JsonBrain>;
  chunkDelayMs: number;
  /** Strict reasoning: hidden reasoning tokens come out of max_completion_tokens (reasoning.ts). */
  strictReasoning: boolean;
  latency: LatencyProfile;
  /** Prompts matching this are refused like Azure's content filter (HTTP 400 content_filter). */
  promptFilter: RegExp;
  /** The 429 to answer this call with, when the emulated resource is throttled (throttle.ts). */
  throttled?: (deployment: string) => wire.WireError | undefined;
}

type Completion = {
  text: string;
  calls: { id: string; name: string; arguments: string }[];
  finish: string;
  model: string;
  /** Hidden reasoning spent (reasoning deployments only). */
  reasoningTokens?: number;
  /** The model declined (ChatCompletionMessage.refusal): no content then. */
  refusal?: string;
};

/** When the first visible token leaves, and how long each further token takes. */
export interface Pace {
  firstMs: number;
  tokensPerSecond: number;
}

/** Time to first token, plus the hidden reasoning produced before it (realistic latency, latency.ts). */
export function paceOf(c: Completion, deployment: EmulatedDeployment, latency: LatencyProfile): Pace {
  const profile = deployment.kind === 'reasoning' ? latency.reasoning : latency.chat;
  return {
    firstMs: profile.firstTokenMs + tokenMs(c.reasoningTokens ?? 0, profile.tokensPerSecond),
    tokensPerSecond: profile.tokensPerSecond,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Azure screens the whole prompt, history included, not just the newest message. */
function userTexts(body: ChatRequestBody): string[] {
  return body.messages.flatMap((m) => (m.role === 'user' && typeof m.content === 'string' ? [m.content] : []));
}

function completionOf(reply: ScriptedReply, deployment: EmulatedDeployment): Completion | undefined {
  const model = ('model' in reply && reply.model) || deployment.model;
  switch (reply.kind) {
    case 'text':
      return { text: reply.text, calls: [], finish: reply.finishReason ?? 'stop', model };
    case 'json':
      return { text: JSON.stringify(reply.value), calls: [], finish: reply.finishReason ?? 'stop', model };
    case 'tool_calls':
      return {
        text: reply.text ?? '',
        calls: reply.calls.map((c, i) => ({
          id: c.id ?? wire.newId(`call_${i}`),
          name: c.name,
          arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments),
        })),
        finish: 'tool_calls',
        model,
      };
    case 'completion_filtered':
      return { text: reply.text ?? '', calls: [], finish: 'content_filter', model };
    case 'refusal':
      return { text: '', calls: [], finish: 'stop', model, refusal: reply.refusal };
    default:
      return undefined;
  }
}

/** Words in twos, arguments in 8-character pieces: clients must assemble both. */
const pieces = (s: string, size: number) => s.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
const wordPieces = (s: string) => s.match(/\S+\s*\S*\s*/g) ?? [];

async function writeStream(
  res: ServerResponse,
  c: Completion,
  body: ChatRequestBody,
  delayMs: number,
  stall: boolean,
  pace: Pace,
): Promise<void> {
  const id = wire.newId('chatcmpl');
  let first = true;
  const send = async (data: unknown, chars = 0) => {
    if (res.destroyed) return;
    if (chars > 0) {
      const wait = (first ? pace.firstMs : 0) + tokenMs(tokensOf(chars), pace.tokensPerSecond);
      first = false;
      if (wait > 0) await sleep(wait);
      if (res.destroyed) return;
    }
    res.write(`data: ${JSON.stringify(data)}\n\n`);
    if (delayMs > 0) await sleep(delayMs);
  };
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'apim-request-id': wire.newId('apim'),
    'x-ms-region': 'Sweden Central',
  });
  await send(wire.promptFilterChunk());
  if (stall) return new Promise((resolve) => res.on('close', () => resolve()));
  await send(wire.chunk(id, c.model, { delta: { role: 'assistant', content: '', refusal: null } }));
  const filtered = c.finish === 'content_filter';
  for (const text of wordPieces(c.text))
    await send(
      wire.chunk(id, c.model, { delta: { content: text }, content_filter_results: wire.safeFilterResults() }),
      text.length,
    );
  for (const [index, call] of c.calls.entries()) {
    await send(
      wire.chunk(id, c.model, {
        delta: { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] },
      }),
      call.name.length,
    );
    for (const part of pieces(call.arguments, 8))
      await send(
        wire.chunk(id, c.model, { delta: { tool_calls: [{ index, function: { arguments: part } }] } }),
        part.length,
      );
  }
  // Nothing visible at all (e.g. the whole budget went on reasoning): the wait still happened.
  if (first && pace.firstMs > 0 && !res.destroyed) await sleep(pace.firstMs);
  await send(
    wire.chunk(id, c.model, {
      delta: {},
      finish_reason: c.finish,
      content_filter_results: filtered ? wire.filteredCompletionResults() : {},
    }),
  );
  if (body.stream_options?.include_usage) await send(wire.usageChunk(id, c.model, usage(body, c)));
  if (!res.destroyed) res.end('data: [DONE]\n\n');
}

function usage(body: ChatRequestBody, c: Completion): wire.Usage {
  const promptChars = body.messages.reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : 0), 0);
  return wire.usageOf(
    promptChars,
    c.text.length + c.calls.reduce((n, x) => n + x.arguments.length, 0),
    c.reasoningTokens,
  );
}

function completionJson(c: Completion, body: ChatRequestBody): unknown {
  const toolCalls = c.calls.map((x) => ({
    id: x.id,
    type: 'function',
    function: { name: x.name, arguments: x.arguments },
  }));
  const message = {
    role: 'assistant',
    content: c.finish === 'content_filter' || c.refusal ? null : c.text || null,
    refusal: c.refusal ?? null,
    ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
  };
  return {
    id: wire.newId('chatcmpl'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: c.model,
    system_fingerprint: 'fp_emulator',
    prompt_filter_results: wire.promptFilterResults(),
    choices: [
      {
        index: 0,
        finish_reason: c.finish,
        logprobs: null,
        message,
        content_filter_results:
          c.finish === 'content_filter' ? wire.filteredCompletionResults() : wire.safeFilterResults(),
      },
    ],
    usage: usage(body, c),
  };
}

/** Checks a request the way Azure does, in Azure's order; returns the error to send, if any. */
function refusal(
  raw: Record<string, unknown>,
  body: ChatRequestBody,
  deployment: EmulatedDeployment,
): wire.WireError | undefined {
  if (deployment.kind === 'realtime' || deployment.kind === 'image') {
    return {
      status: 400,
      body: {
        error: {
          code: 'OperationNotSupported',
          message: `The chatCompletion operation does not work with the specified model, ${deployment.model}. Please choose different model and try again.`,
        },
      },
    };
  }
  // The deprecated shape (docs/pitfalls.md 3.4): newer API versions refuse it.
  for (const legacy of ['functions', 'function_call'])
    if (legacy in raw) return wire.invalidRequestError(`Unrecognized request argument supplied: ${legacy}`);
  const refused = deployment.rejects.find((p) => p in raw);
  if (refused) return wire.unsupportedParameterError(refused);
  const effort = effortRefusal(body, deployment);
  if (effort) return effort;
  if (body.messages.length === 0) return wire.invalidRequestError("[] is too short - 'messages'", 'messages');
  return undefined;
}

/** POST /openai/v1/chat/completions — stream and not, with Azure's quirks (https://learn.microsoft.com/azure/ai-foundry/openai/reference). */
export function chatCompletionsRoute(state: ChatState): Route {
  return {
    method: 'POST',
    pattern: /^\/openai\/v1\/chat\/completions$/,
    async handler(ctx: RouteContext) {
      const raw = (ctx.body ?? {}) as Record<string, unknown>;
      const parsed = ChatRequestBody.safeParse(raw);
      if (!parsed.success)
        return void send(
          ctx,
          wire.invalidRequestError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')),
        );
      const body = parsed.data;
      const deployment = ctx.deployment(body.model);
      if (!deployment) return void send(ctx, wire.deploymentNotFoundError());
      const throttled = state.throttled?.(deployment.name);
      if (throttled) return void send(ctx, throttled);
      const refused = refusal(raw, body, deployment);
      if (refused) return void send(ctx, refused);
      const reply =
        state.hook?.(body, deployment) ??
        state.take(deployment.name) ??
        (userTexts(body).some((text) => state.promptFilter.test(text))
          ? ({ kind: 'prompt_filtered' } as const)
          : await defaultBrain(body, state.jsonBrains));
      if (reply.kind === 'rate_limit')
        return void send(ctx, wire.rateLimitError(deployment.name, reply.retryAfterMs, reply.retryAfterSeconds));
      if (reply.kind === 'prompt_filtered') return void send(ctx, wire.promptFilteredError());
      if (reply.kind === 'error')
        return void send(ctx, {
          status: reply.status,
          body: reply.body,
          ...(reply.headers ? { headers: reply.headers } : {}),
        });
      const drafted = completionOf(reply, deployment) ?? completionOf({ kind: 'text', text: '' }, deployment)!;
      const spent = spendBudget(drafted, body, deployment, state.strictReasoning);
      const completion: Completion = {
        ...spent.completion,
        ...(spent.reasoningTokens !== undefined ? { reasoningTokens: spent.reasoningTokens } : {}),
      };
      const pace = paceOf(completion, deployment, state.latency);
      if (body.stream) await writeStream(ctx.res, completion, body, state.chunkDelayMs, reply.kind === 'stall', pace);
      else if (reply.kind === 'stall') await new Promise((resolve) => ctx.res.on('close', resolve));
      else {
        // Not streamed: the whole answer (reasoning first) is produced before anything is sent.
        const visible = tokensOf(completion.text.length + completion.calls.reduce((n, x) => n + x.arguments.length, 0));
        const wait = pace.firstMs + tokenMs(visible, pace.tokensPerSecond);
        if (wait > 0) await sleep(wait);
        ctx.sendJson(200, completionJson(completion, body));
      }
    },
  };
}

function send(ctx: RouteContext, error: wire.WireError): void {
  ctx.sendJson(error.status, error.body, error.headers);
}
