import type { Mode } from '../../contracts/mode';
import type { ToolRun } from '../../contracts/tools';
import { otherModeExample } from './smalltalk';

export { smalltalkReply } from './smalltalk';

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
export function replyFromTools(runs: ToolRun[], mode: Mode): string {
  return runs.map((run) => replyFromTool(run, mode)).join(' ');
}

function replyFromTool(run: ToolRun, mode: Mode): string {
  if (!run.ok) return `Sorry, I couldn't do that: ${run.result.error.message}`;
  switch (run.name) {
    case 'switch_mode': {
      const result = run.result;
      if (result.status === 'generating') return result.message;
      return result.status === 'switched'
        ? result.welcome
        : `${result.message} Say "${otherModeExample(mode.id)}" to try one.`;
    }
    case 'make_chart_image':
      return run.result.status === 'ready'
        ? `Here is your illustrated ${run.result.chart.title.toLowerCase()} chart.`
        : run.result.message;
    case 'select_tab':
      return `Here is your ${run.result.tab.label} tab.`;
    case 'show_metrics': {
      const { metrics } = run.result;
      const [only] = metrics;
      if (metrics.length === 1 && only) return `${only.label}: ${only.formatted}.`;
      return `Here is your overview: ${list(metrics.map((m) => `${m.label.toLowerCase()} ${m.formatted}`))}.`;
    }
    case 'show_chart': {
      const s = run.result.summary;
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
  }
}
