import { z } from 'zod';
import { Conversation } from './common';
import { JobBrand } from './jobs';
import { Mode } from './mode';
import { Persona } from './persona';
import { toolRunSchema } from './tools';

export const MAX_HISTORY_MESSAGES = 40;
export const MAX_MESSAGE_CHARS = 4000;
/** Bodies above this are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

export const ToolCall = z.object({
  id: z.string().min(1).max(64),
  type: z.literal('function'),
  function: z.object({ name: z.string().min(1).max(64), arguments: z.string().max(4000) }),
});
export type ToolCall = z.infer<typeof ToolCall>;

/** History as the client keeps it (OpenAI chat shape, minus the system prompt the server owns). */
export const ChatMessage = z.discriminatedUnion('role', [
  z.object({ role: z.literal('user'), content: z.string().trim().min(1).max(MAX_MESSAGE_CHARS) }),
  z.object({
    role: z.literal('assistant'),
    content: z.string().max(MAX_MESSAGE_CHARS).nullable(),
    tool_calls: z.array(ToolCall).max(8).optional(),
  }),
  z.object({ role: z.literal('tool'), tool_call_id: z.string().min(1).max(64), content: z.string().max(16000) }),
]);
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatRequest = Conversation.extend({
  messages: z.array(ChatMessage).min(1).max(200),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

export const Usage = z.object({
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  totalTokens: z.number().int().min(0),
});
export type Usage = z.infer<typeof Usage>;

export const FINISH_REASONS = ['stop', 'length', 'tool_limit', 'content_filter', 'error'] as const;
export const FinishReason = z.enum(FINISH_REASONS);
export type FinishReason = z.infer<typeof FinishReason>;

/** Server-sent events of POST /api/chat: `event: <type>` then `data: <json>`. */
export const DeltaEvent = z.object({ type: z.literal('delta'), text: z.string() });
/** A tool call's outcome (api/contracts/tools.ts `ToolRun`): `ok`, then `name`, decide its shape. */
export const ToolEvent = toolRunSchema({ type: z.literal('tool'), callId: z.string() });
/** The whole UI switches to `mode`; `persona` saves the client a round trip. */
export const ModeEvent = z.object({ type: z.literal('mode'), mode: Mode, persona: Persona });
/** Transient progress the user should see while waiting ("busy, retrying…"). */
export const StatusEvent = z.object({ type: z.literal('status'), message: z.string().max(200) });
/** A background job a tool started or joined (its id, kind and status). */
export const JobRef = z.object({
  jobId: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  /** The design's look when the job already has it (issue #12): the page paints it without waiting for a poll. */
  brand: JobBrand.optional(),
});
export const JobEvent = z.object({ type: z.literal('job'), ...JobRef.shape });
export const ErrorEvent = z.object({
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
});
export const DoneEvent = z.object({
  type: z.literal('done'),
  finishReason: FinishReason,
  model: z.string(),
  usage: Usage,
  messages: z.array(ChatMessage),
});
export const ChatEvent = z.discriminatedUnion('type', [
  DeltaEvent,
  ToolEvent,
  ModeEvent,
  StatusEvent,
  JobEvent,
  ErrorEvent,
  DoneEvent,
]);
export type ChatEvent = z.infer<typeof ChatEvent>;
export type DoneEvent = z.infer<typeof DoneEvent>;
export type ToolEvent = z.infer<typeof ToolEvent>;

export const ToolRequest = Conversation.extend({
  args: z.unknown(),
});
export type ToolRequest = z.infer<typeof ToolRequest>;

/**
 * What POST /api/tools/{name} answers: the same ToolRun as the chat `tool` event, plus what the UI
 * should do about it — the mode (and its persona) to switch to, the job to watch.
 */
export const ToolResponse = toolRunSchema({
  mode: Mode.optional(),
  persona: Persona.optional(),
  job: JobRef.optional(),
});
export type ToolResponse = z.infer<typeof ToolResponse>;
