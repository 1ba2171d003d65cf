import type { Mode } from '../../contracts/mode';
import type {
  SelectTabResult,
  ShowChartResult,
  ShowMetricsResult,
  SwitchModeResult,
  ToolError,
} from '../../contracts/tools';
import { otherModeExample } from './smalltalk';

export { smalltalkReply } from './smalltalk';

type AnyResult = Partial<ShowChartResult & ShowMetricsResult & SelectTabResult & ToolError> | SwitchModeResult;

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function monthName(x: string): string {
  const [y, m] = x.split('-').map(Number);
  if (!y || !m) return x;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** One short sentence built from tool results only, so every figure is the persona's own. */
export function replyFromTools(results: { name: string; result: AnyResult }[], mode: Mode): string {
  const sentences = results.map(({ name, result }) => {
    if ('error' in result && result.error) return `Sorry, I couldn't do that: ${result.error.message}`;
    if (name === 'switch_mode' && 'status' in result) {
      if (result.status === 'generating') return result.message;
      return result.status === 'switched'
        ? result.welcome
        : `${result.message} Say "${otherModeExample(mode.id)}" to try one.`;
    }
    if (name === 'make_chart_image' && 'status' in result) {
      const r = result as { status: string; message?: string; chart?: { title?: string } };
      return r.status === 'ready'
        ? `Here is your illustrated ${String(r.chart?.title ?? 'chart').toLowerCase()} chart.`
        : (r.message ?? 'Painting your chart…');
    }
    if (name === 'select_tab' && 'tab' in result && result.tab) return `Here is your ${result.tab.label} tab.`;
    if (name === 'show_metrics' && 'metrics' in result && result.metrics) {
      const [only] = result.metrics;
      if (result.metrics.length === 1 && only) return `${only.label}: ${only.formatted}.`;
      return `Here is your overview: ${list(result.metrics.map((m) => `${m.label.toLowerCase()} ${m.formatted}`))}.`;
    }
    if (name === 'show_chart' && 'summary' in result && result.summary) {
      const s = result.summary;
      if (s.length === 1 && s[0]) {
        const d = mode.datasets.find((x) => x.id === s[0]!.datasetId);
        // "Label: figure as of / in Month" reads right for any label ("Mortgage remaining", "Meals served").
        const payoff = s[0].payoff ? ` At this pace it is paid off by ${monthName(s[0].payoff)}.` : '';
        if (d?.kind === 'balance')
          return `${s[0].label}: ${s[0].latestFormatted} as of ${monthName(s[0].month)}.${payoff}`;
        const soFar = s[0].toDate ? ', month to date' : '';
        return `${s[0].label}: ${s[0].latestFormatted} in ${monthName(s[0].month)}${soFar}.`;
      }
      return `As of ${monthName(s[0]?.month ?? '')}: ${list(s.map((x) => `${x.label.toLowerCase()} ${x.latestFormatted}`))}.`;
    }
    return 'Done.';
  });
  return sentences.join(' ');
}
