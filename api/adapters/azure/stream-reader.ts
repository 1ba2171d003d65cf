import { z } from 'zod';
import type { FinishReason, Usage } from '../../contracts/chat';
import { ContentFiltered, UpstreamUnavailable } from '../../domain/errors';
import type { ModelChunk, ModelToolCall } from '../../domain/ports';

/** The parts of an Azure chat.completion.chunk we read; anything else (filter annotations …) is ignored. */
function chunkSchema() {
  const ToolCallDelta = z.object({
    index: z.number().int().min(0).max(63),
    id: z.string().nullish(),
    function: z.object({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
  });
  return z.object({
    model: z.string().nullish(),
    choices: z
      .array(
        z.object({
          index: z.number().int().optional(),
          delta: z.object({ content: z.string().nullish(), tool_calls: z.array(ToolCallDelta).nullish() }).nullish(),
          finish_reason: z.string().nullish(),
        }),
      )
      .nullish(),
    usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }).nullish(),
  });
}
type ChunkSchema = ReturnType<typeof chunkSchema>;
// Built on first use, not at require time: every millisecond of module load is cold start.
let Chunk: ChunkSchema | undefined;

/** Told when a chunk arrives and when the reader waits for the next (the idle timeout, chat-model.ts). */
export interface ChunkWatch {
  arrived(): void;
  waiting(): void;
}

/** What a plain text chunk carries for us. */
interface TextChunk {
  model: string | null | undefined;
  text: string;
  finish: string | null | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isOptionalString = (value: unknown) => value === undefined || value === null || typeof value === 'string';

/**
 * The common case checked by hand: one choice whose delta is text only, no usage. Every chunk this
 * accepts, the schema accepts too, with the same meaning (tests/unit/adapters/azure/stream-reader.test.ts
 * holds the two side by side); anything else (tool calls, usage, odd shapes) goes through the schema.
 * A chunk per token makes the full zod parse the largest piece of our own per-token work.
 */
function textChunk(raw: unknown): TextChunk | undefined {
  if (!isObject(raw) || !isOptionalString(raw.model) || (raw.usage !== undefined && raw.usage !== null)) return;
  const choices = raw.choices;
  if (!Array.isArray(choices) || choices.length !== 1) return;
  const choice: unknown = choices[0];
  if (!isObject(choice) || !isObject(choice.delta) || !isOptionalString(choice.finish_reason)) return;
  if (choice.index !== undefined && (choice.index !== 0 || typeof choice.index !== 'number')) return;
  const { content, tool_calls } = choice.delta;
  if (typeof content !== 'string' || (tool_calls !== undefined && tool_calls !== null)) return;
  return { model: raw.model, text: content, finish: choice.finish_reason };
}

interface PartialCall {
  id: string;
  name: string;
  arguments: string;
}

export function toUsage(usage: z.infer<ChunkSchema>['usage']): Usage {
  return {
    promptTokens: usage?.prompt_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? 0,
    totalTokens: usage?.total_tokens ?? 0,
  };
}

function finishReason(reason: string): FinishReason {
  return reason === 'length' ? 'length' : 'stop';
}

/**
 * Turns Azure's streamed chunks into ModelChunks:
 * - chunks with empty `choices` are skipped — Azure's first chunk carries only
 *   `prompt_filter_results`, and with `include_usage` the last carries only `usage`
 *   (docs/pitfalls.md 3.3/5.2; https://learn.microsoft.com/answers/questions/1533887);
 * - tool-call deltas are assembled by `index` (id and name arrive first, arguments in pieces);
 * - `model` is the routed model model-router picked, reported in `end` (docs/pitfalls.md 3.2);
 * - `finish_reason: "content_filter"` becomes ContentFiltered (docs/pitfalls.md 5.1).
 */
export async function* readChatStream(
  chunks: AsyncIterable<unknown>,
  deployment: string,
  watch?: ChunkWatch,
): AsyncGenerator<ModelChunk> {
  const calls = new Map<number, PartialCall>();
  let model = '';
  let usage: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  let finish: string | undefined;

  for await (const raw of chunks) {
    watch?.arrived();
    const plain = textChunk(raw);
    if (plain) {
      if (plain.model) model = plain.model;
      if (plain.text) yield { type: 'text', text: plain.text };
      if (plain.finish) {
        finish = plain.finish;
        if (finish === 'content_filter') throw new ContentFiltered('completion');
      }
      watch?.waiting();
      continue;
    }
    Chunk ??= chunkSchema();
    const parsed = Chunk.safeParse(raw);
    if (parsed.success) {
      const chunk = parsed.data;
      if (chunk.model) model = chunk.model;
      if (chunk.usage) usage = toUsage(chunk.usage);
      const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
      const text = choice?.delta?.content;
      if (text) yield { type: 'text', text };
      for (const delta of choice?.delta?.tool_calls ?? []) {
        const call = calls.get(delta.index) ?? { id: '', name: '', arguments: '' };
        if (delta.id) call.id = delta.id;
        if (delta.function?.name) call.name += delta.function.name;
        if (delta.function?.arguments) call.arguments += delta.function.arguments;
        calls.set(delta.index, call);
      }
      if (choice?.finish_reason) {
        finish = choice.finish_reason;
        if (finish === 'content_filter') throw new ContentFiltered('completion');
      }
    }
    watch?.waiting();
  }

  if (!finish) throw new UpstreamUnavailable('Azure OpenAI ended the answer early. Please try again.');
  const ordered = [...calls.entries()].sort(([a], [b]) => a - b);
  for (const [index, call] of ordered) {
    if (!call.name) continue;
    const assembled: ModelToolCall = {
      id: call.id || `call_${index}`,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    };
    yield { type: 'tool_call', call: assembled };
  }
  yield { type: 'end', finishReason: finishReason(finish), model: model || deployment, usage };
}
