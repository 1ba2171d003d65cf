import type { PromptMode } from './prompt-mode';
import type { ChatMessageBody } from './types';

type Result = Record<string, unknown>;

const isObject = (v: unknown): v is Result => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function month(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  if (!y || !m) return ym;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function sentenceFor(name: string, result: unknown, mode: PromptMode | undefined): string {
  if (!isObject(result)) return 'Done.';
  if (isObject(result.error)) return `Sorry, I couldn't do that: ${str(result.error.message)}`;
  if (name === 'switch_mode') return result.status === 'switched' ? str(result.welcome) : str(result.message);
  if (name === 'make_chart_image')
    return result.status === 'ready' && isObject(result.chart)
      ? `Here is your illustrated ${str(result.chart.title).toLowerCase()} chart.`
      : str(result.message);
  if (name === 'select_tab' && isObject(result.tab)) return `Here is your ${str(result.tab.label)} tab.`;
  if (name === 'show_metrics' && Array.isArray(result.metrics)) {
    return `Here is your overview: ${list(result.metrics.filter(isObject).map((m) => `${str(m.label).toLowerCase()} ${str(m.formatted)}`))}.`;
  }
  if (name === 'show_chart' && Array.isArray(result.summary)) {
    const s = result.summary.filter(isObject);
    const first = s[0];
    if (!first) return 'Here is the chart.';
    if (s.length === 1) {
      const verb = mode?.isBalance(str(first.datasetId)) ? 'stands at' : 'was';
      const when = verb === 'stands at' ? `as of ${month(str(first.month))}` : `in ${month(str(first.month))}`;
      return `Your ${str(first.label).toLowerCase()} ${verb} ${str(first.latestFormatted)} ${when}.`;
    }
    return `As of ${month(str(first.month))}: ${list(s.map((x) => `${str(x.label).toLowerCase()} ${str(x.latestFormatted)}`))}.`;
  }
  return 'Done.';
}

/** One short answer built only from the trailing tool results, as the system prompt asks. */
export function replyFromToolResults(messages: ChatMessageBody[], mode: PromptMode | undefined): string {
  let i = messages.length - 1;
  while (i >= 0 && messages[i]?.role === 'tool') i--;
  const calls = messages[i]?.tool_calls ?? [];
  return messages
    .slice(i + 1)
    .map((m) => {
      const name = calls.find((c) => c.id === m.tool_call_id)?.function.name ?? 'unknown';
      let result: unknown;
      try {
        result = JSON.parse(typeof m.content === 'string' ? m.content : 'null');
      } catch {
        result = null;
      }
      return sentenceFor(name, result, mode);
    })
    .join(' ');
}
