import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

export type DeploymentKind = 'router' | 'chat' | 'reasoning' | 'realtime' | 'image';

export interface EmulatedDeployment {
  name: string;
  kind: DeploymentKind;
  /** The `model` field of responses: model-router names the model it routed to. */
  model: string;
  /** Parameters refused with 400 `unsupported_parameter` (reasoning models; o-series also parallel_tool_calls). */
  rejects: string[];
  /** `reasoning_effort` values taken; others get 400 `unsupported_value` (undefined: any value). */
  efforts?: string[];
}

/** GPT-5 reasoning models add `minimal` to low/medium/high (https://learn.microsoft.com/azure/foundry/openai/how-to/reasoning). */
export const GPT5_EFFORTS = ['minimal', 'low', 'medium', 'high'];

export const REASONING_REJECTS = [
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'max_tokens',
];

/** The deployments the app expects by default (api/config.ts). */
export function defaultDeployments(): EmulatedDeployment[] {
  return [
    { name: 'model-router', kind: 'router', model: 'gpt-4.1-mini-2025-04-14', rejects: [] },
    {
      name: 'gpt-5-mini',
      kind: 'reasoning',
      model: 'gpt-5-mini-2025-08-07',
      rejects: [...REASONING_REJECTS],
      efforts: [...GPT5_EFFORTS],
    },
    { name: 'gpt-realtime', kind: 'realtime', model: 'gpt-realtime-2025-08-28', rejects: [] },
    { name: 'gpt-image-1-mini', kind: 'image', model: 'gpt-image-1-mini-2025-10-06', rejects: [] },
  ];
}

/** What a test can make the next chat completion do. */
export type ScriptedReply =
  | { kind: 'text'; text: string; model?: string; finishReason?: 'stop' | 'length' }
  | { kind: 'tool_calls'; calls: { name: string; arguments: unknown; id?: string }[]; text?: string; model?: string }
  | { kind: 'json'; value: unknown; model?: string; finishReason?: 'stop' | 'length' }
  | { kind: 'rate_limit'; retryAfterMs?: number; retryAfterSeconds?: number }
  | { kind: 'prompt_filtered' }
  | { kind: 'completion_filtered'; text?: string }
  /** The model declines: `message.refusal` set and no content (non-streamed answers only). */
  | { kind: 'refusal'; refusal: string }
  | { kind: 'error'; status: number; body: unknown; headers?: Record<string, string> }
  /** Sends the first chunk, then nothing (the client's idle timeout must fire). */
  | { kind: 'stall' };

const Message = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.null(), z.array(z.unknown())]).optional(),
  tool_calls: z
    .array(z.looseObject({ id: z.string(), function: z.object({ name: z.string(), arguments: z.string() }) }))
    .optional(),
  tool_call_id: z.string().optional(),
});

/** The chat completion request body, as much as the emulator reads; anything else is kept for assertions. */
export const ChatRequestBody = z.looseObject({
  model: z.string().min(1),
  messages: z.array(Message),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  tools: z
    .array(
      z.looseObject({
        type: z.literal('function'),
        function: z.looseObject({ name: z.string(), parameters: z.unknown().optional() }),
      }),
    )
    .optional(),
  response_format: z
    .looseObject({
      type: z.string(),
      json_schema: z.looseObject({ name: z.string(), schema: z.record(z.string(), z.unknown()).optional() }).optional(),
    })
    .optional(),
  max_completion_tokens: z.number().int().positive().optional(),
  reasoning_effort: z.string().optional(),
});
export type ChatRequestBody = z.infer<typeof ChatRequestBody>;
export type ChatMessageBody = z.infer<typeof Message>;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** One entry of the emulator's router table; issues #5 (realtime) and #6 (images) add theirs. */
export interface Route {
  method: 'GET' | 'POST' | 'DELETE' | 'OPTIONS';
  pattern: RegExp;
  /** The route checks credentials itself (realtime `calls` take the ephemeral secret; CORS preflights none). */
  ownAuth?: boolean;
  handler(context: RouteContext): Promise<void> | void;
}

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  match: RegExpExecArray;
  body: unknown;
  /** The raw body (SDP offers are not JSON). */
  rawBody: string;
  deployment(name: string): EmulatedDeployment | undefined;
  sendJson(status: number, body: unknown, headers?: Record<string, string>): void;
}
