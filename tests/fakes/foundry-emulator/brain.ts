import { detectIntent } from '../../../api/adapters/offline/intent';
import { fillSchema } from './json-fill';
import { modeFromSystemPrompt, type PromptMode } from './prompt-mode';
import { replyFromToolResults } from './brain-reply';
import type { ChatMessageBody, ChatRequestBody, ScriptedReply } from './types';

/** Answers a json_schema request; undefined falls back to a schema-shaped placeholder. */
export type JsonBrain = (request: ChatRequestBody) => unknown;

const text = (m: ChatMessageBody | undefined): string => (typeof m?.content === 'string' ? m.content : '');

function toolCall(request: ChatRequestBody, mode: PromptMode, userText: string): ScriptedReply | undefined {
  const offered = new Set((request.tools ?? []).map((t) => t.function.name));
  const intent = detectIntent(userText, mode);
  const call = (name: string, args: unknown): ScriptedReply | undefined =>
    offered.has(name) ? { kind: 'tool_calls', calls: [{ name, arguments: args }] } : undefined;
  switch (intent.kind) {
    case 'switch':
      return call('switch_mode', {
        industry: intent.industry,
        builtin: intent.builtin,
        company_name: intent.companyName,
      });
    case 'tab':
      return call('select_tab', { tab_id: intent.tabId });
    case 'metrics':
      return call('show_metrics', { metric_ids: mode.metricIds.slice(0, 6) });
    case 'chart': {
      const ids = intent.datasetIds;
      const labels = ids.map((id) => mode.datasets.find((d) => d.id === id)?.label ?? id);
      const type = intent.chartType ?? (ids.length > 1 ? 'line' : mode.defaultChart(ids[0] ?? ''));
      return call('show_chart', {
        dataset_ids: ids,
        chart_type: type,
        range_months: intent.rangeMonths,
        title: labels.join(' vs ').slice(0, 80),
      });
    }
    case 'illustrate':
      return call('make_chart_image', { dataset_ids: intent.datasetIds });
    case 'smalltalk':
      return undefined;
  }
}

function smalltalk(mode: PromptMode | undefined): string {
  if (!mode) return 'Hello from the Foundry emulator.';
  const examples = mode.datasets.slice(0, 3).map((d) => d.label.toLowerCase());
  return `I'm the ${mode.companyName} assistant — ask me about your ${examples.join(', ') || 'account'}, or say "Presto-Change-O, you're an airline" to change industry.`;
}

/**
 * The default brain, so the UI can be driven through the emulator like a sensible model: it picks a
 * tool from the last user message and the system prompt, and after tool results answers in one
 * sentence with the figures from the tool result JSON. Schema-bound requests get `jsonBrains[name]`
 * (issue #4 registers its own) or a schema-shaped placeholder.
 */
export async function defaultBrain(
  request: ChatRequestBody,
  jsonBrains: ReadonlyMap<string, JsonBrain>,
): Promise<ScriptedReply> {
  const format = request.response_format;
  if (format?.type === 'json_schema' && format.json_schema) {
    const value = await jsonBrains.get(format.json_schema.name)?.(request);
    return { kind: 'json', value: value ?? fillSchema(format.json_schema.schema ?? {}) };
  }
  const system = request.messages.find((m) => m.role === 'system' || m.role === 'developer');
  const mode = modeFromSystemPrompt(text(system));
  const last = request.messages.at(-1);
  if (last?.role === 'tool') return { kind: 'text', text: replyFromToolResults(request.messages, mode) };
  if (last?.role === 'user' && mode) {
    const call = toolCall(request, mode, text(last));
    if (call) return call;
  }
  return { kind: 'text', text: smalltalk(mode) };
}
