import type { Usage } from '../../contracts/chat';
import type { Mode } from '../../contracts/mode';
import { ToolError, toolRunSchema, type ToolRun } from '../../contracts/tools';
import type { ChatModel, ModelChunk, ModelMessage, ModelRequest, ModelToolCall } from '../../domain/ports';
import { detectIntent, type Intent, type IntentContext } from './intent';
import { replyFromTools, smalltalkReply } from './replies';

/**
 * The offline engine: a deterministic, rule-based ChatModel. It answers through the very same tool
 * loop as Azure — deciding on tool calls first, then phrasing one sentence from the tool results —
 * so validation, SSE and UI paths are exercised unchanged. It is a labelled demo fallback.
 */
export class OfflineChatModel implements ChatModel {
  readonly provider = 'offline' as const;
  private callCounter = 0;

  constructor(
    private readonly getMode: (id: string) => Promise<Mode | undefined>,
    private readonly chunkDelayMs = 12,
  ) {}

  async *stream(request: ModelRequest, signal?: AbortSignal): AsyncIterable<ModelChunk> {
    const mode = await this.getMode(request.context.modeId);
    const last = request.messages.at(-1);
    if (!mode || !last) {
      yield* this.say('I lost track of the current mode; please reload the page.', request);
      return;
    }
    if (last.role === 'tool') {
      const results = trailingToolResults(request.messages);
      yield* this.say(replyFromTools(results, mode), request, signal);
      return;
    }
    const text = last.role === 'user' ? last.content : '';
    const call = this.toolCallFor(detectIntent(text, mode, contextOf(request.messages)), mode);
    if (call) {
      yield { type: 'tool_call', call };
      yield {
        type: 'end',
        finishReason: 'stop',
        model: 'offline-engine',
        usage: usageOf(request, call.function.arguments),
      };
      return;
    }
    yield* this.say(smalltalkReply(mode, text), request, signal);
  }

  private toolCallFor(intent: Intent, mode: Mode): ModelToolCall | null {
    const id = `call_offline_${++this.callCounter}`;
    const make = (name: string, args: unknown): ModelToolCall => ({
      id,
      type: 'function',
      function: { name, arguments: JSON.stringify(args) },
    });
    switch (intent.kind) {
      case 'switch':
        return make('switch_mode', {
          industry: intent.industry,
          builtin: intent.builtin,
          company_name: intent.companyName,
        });
      case 'tab':
        return make('select_tab', { tab_id: intent.tabId });
      case 'metrics':
        return make('show_metrics', { metric_ids: intent.metricIds ?? mode.metrics.map((m) => m.id) });
      case 'chart': {
        const first = mode.datasets.find((d) => d.id === intent.datasetIds[0]);
        const type = intent.chartType ?? (intent.datasetIds.length > 1 ? 'line' : (first?.defaultChart ?? 'line'));
        const labels = intent.datasetIds.map((d) => mode.datasets.find((x) => x.id === d)?.label ?? d);
        const title = intent.datasetIds.length > 1 ? `${labels.join(' vs ')}` : `${labels[0]}`;
        return make('show_chart', {
          dataset_ids: intent.datasetIds,
          chart_type: type,
          range_months: intent.rangeMonths,
          title,
        });
      }
      case 'illustrate':
        return make('make_chart_image', { dataset_ids: intent.datasetIds });
      case 'smalltalk':
        return null;
    }
  }

  private async *say(text: string, request: ModelRequest, signal?: AbortSignal): AsyncIterable<ModelChunk> {
    const words = text.match(/\S+\s*/g) ?? [text];
    for (let i = 0; i < words.length; i += 3) {
      if (signal?.aborted) return;
      yield { type: 'text', text: words.slice(i, i + 3).join('') };
      if (this.chunkDelayMs > 0) await new Promise((r) => setTimeout(r, this.chunkDelayMs));
    }
    yield { type: 'end', finishReason: 'stop', model: 'offline-engine', usage: usageOf(request, text) };
  }
}

/** The datasets of the last chart the assistant drew, for follow-ups like "and as bars?". */
function contextOf(messages: ModelMessage[]): IntentContext {
  for (let i = messages.length - 2; i >= 0; i--) {
    const m = messages[i];
    if (m?.role !== 'assistant') continue;
    for (const call of [...(m.tool_calls ?? [])].reverse()) {
      if (call.function.name !== 'show_chart' && call.function.name !== 'make_chart_image') continue;
      try {
        const ids = (JSON.parse(call.function.arguments) as { dataset_ids?: unknown }).dataset_ids;
        if (Array.isArray(ids)) return { previousDatasetIds: ids.filter((x): x is string => typeof x === 'string') };
      } catch {
        // A malformed earlier call carries no context.
      }
    }
  }
  return {};
}

/**
 * The results the model is answering: the tool messages after the last assistant turn, read back
 * by the name of the call each answers. The history comes from the browser, so each is parsed with
 * the tool's contract; one that does not fit reads as a failure, never as a crash.
 */
function trailingToolResults(messages: ModelMessage[]): ToolRun[] {
  let i = messages.length - 1;
  while (i >= 0 && messages[i]?.role === 'tool') i--;
  const assistant = messages[i];
  const calls = assistant?.role === 'assistant' ? (assistant.tool_calls ?? []) : [];
  const runs: ToolRun[] = [];
  for (const m of messages.slice(i + 1)) {
    if (m.role !== 'tool') continue;
    const call = calls.find((c) => c.id === m.tool_call_id);
    runs.push(readToolRun(call?.function.name ?? 'unknown', call?.function.arguments ?? '{}', m.content));
  }
  return runs;
}

const StoredToolRun = toolRunSchema({});

function readToolRun(name: string, argsJson: string, resultJson: string): ToolRun {
  const args = parseJson(argsJson);
  const result = parseJson(resultJson);
  const failed = ToolError.safeParse(result);
  if (failed.success) return { ok: false, name, args, result: failed.data };
  const run = StoredToolRun.safeParse({ ok: true, name, args, result });
  if (run.success) return run.data;
  return { ok: false, name, args, result: { error: { code: 'unreadable_result', message: 'unreadable result' } } };
}

function parseJson(json: string): unknown {
  try {
    const value: unknown = JSON.parse(json);
    return value;
  } catch {
    return undefined;
  }
}

/** Rough token counts (4 characters per token), reported like a model's `usage`. */
function usageOf(request: ModelRequest, output: string): Usage {
  const promptTokens = Math.ceil(request.messages.reduce((n, m) => n + (m.content?.length ?? 0), 0) / 4);
  const completionTokens = Math.ceil(output.length / 4);
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}
