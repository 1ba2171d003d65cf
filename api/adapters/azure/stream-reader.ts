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
export async function* readChatStream(chunks: AsyncIterable<unknown>, deployment: string): AsyncGenerator<ModelChunk> {
  const calls = new Map<number, PartialCall>();
  let model = '';
  let usage: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  let finish: string | undefined;

  for await (const raw of chunks) {
    Chunk ??= chunkSchema();
    const parsed = Chunk.safeParse(raw);
    if (!parsed.success) continue;
    const chunk = parsed.data;
    if (chunk.model) model = chunk.model;
    if (chunk.usage) usage = toUsage(chunk.usage);
    const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
    if (!choice) continue;
    const text = choice.delta?.content;
    if (text) yield { type: 'text', text };
    for (const delta of choice.delta?.tool_calls ?? []) {
      const call = calls.get(delta.index) ?? { id: '', name: '', arguments: '' };
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.name += delta.function.name;
      if (delta.function?.arguments) call.arguments += delta.function.arguments;
      calls.set(delta.index, call);
    }
    if (choice.finish_reason) {
      finish = choice.finish_reason;
      if (finish === 'content_filter') throw new ContentFiltered('completion');
    }
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
