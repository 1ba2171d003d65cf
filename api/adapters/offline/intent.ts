import type { BuiltinModeId, Dataset, Metric, PersonaField, Tab } from '../../contracts/mode';
import { builtinFor } from '../../domain/modes/industry-phrases';
import { switchCommand } from './command';
import { exactTopicIn, topicsIn } from './data-match';
import { isKnownIndustry } from './lexicon';
import { normalize } from './words';

export { builtinFor };

/**
 * The parts of a mode intent detection reads (the Foundry emulator's brain passes a mode parsed
 * from a prompt, so everything beyond ids, labels and keywords is optional).
 */
export interface IntentMode {
  datasets: readonly (Pick<Dataset, 'id' | 'label' | 'keywords'> & { phrasings?: readonly string[] })[];
  tabs: readonly Pick<Tab, 'id' | 'label'>[];
  metrics?: readonly (Pick<Metric, 'id' | 'label' | 'personaPath'> & { phrasings?: readonly string[] })[];
  persona?: { fields: readonly PersonaField[] };
}

/** What the conversation so far tells a follow-up ("and as bars?", "what about last year?"). */
export interface IntentContext {
  /** Datasets of the last chart the assistant showed. */
  previousDatasetIds?: readonly string[];
}

export type ChartKind = 'line' | 'bar' | 'area' | 'pie';

/** What the offline engine understood from one user message. */
export type Intent =
  | { kind: 'switch'; industry: string; builtin: BuiltinModeId | null; companyName: string | null }
  | { kind: 'tab'; tabId: string }
  | { kind: 'chart'; datasetIds: string[]; chartType: ChartKind | null; rangeMonths: number }
  /** All KPI cards, or the ones asked for ("how many flights this year?"). */
  | { kind: 'metrics'; metricIds?: string[] }
  /** "illustrate my savings", "make me a picture of my spending" → make_chart_image (issue #6). */
  | { kind: 'illustrate'; datasetIds: string[] }
  | { kind: 'smalltalk' };

/** Asking for a picture rather than a chart: "illustrate", "a picture/image/drawing of", "paint", "draw". */
const ILLUSTRATE = /\b(?<!big\s)(?:illustrat(?:e|ed|ion)|picture|image|drawing|paint(?:ing)?|draw|sketch)\b/i;
const OVERVIEW =
  /\b(?:kpis?|metrics|overview|summary|dashboard|how\s+am\s+i\s+doing|how\s+(?:are|is)\s+(?:things|everything)|at\s+a\s+glance|big\s+picture)\b/i;
/** A message that leans on the previous chart: "and as bars?", "what about last year?", "same for 6 months". */
const FOLLOW_UP =
  /^(?:and|also|what\s+about|how\s+about|now|ok|okay|same|the\s+same|show\s+(?:that|it|this)|make\s+(?:that|it|this)|as\b|in\b|over\b|for\b|only|just|then|but)\b|\b(?:that|it|this|same)\s+(?:as|in|for|over)\b|^(?:last|past|this)\s+(?:year|month|quarter|\d+\s+months?)/i;

function rangeMonths(text: string): number | null {
  const months = /(?:last|past|over)\s+(\d{1,2})\s+months?/i.exec(text) ?? /\b(\d{1,2})\s+months?\b/i.exec(text);
  if (months?.[1]) return Math.min(24, Math.max(1, Number(months[1])));
  if (/(?:last|past)\s+(?:two|2)\s+years|24\s+months|two\s+years/i.test(text)) return 24;
  if (/(?:last|past)\s+(?:six|6)\s+months|half[-\s]year|six\s+months/i.test(text)) return 6;
  if (/(?:last|past)\s+(?:three|3)\s+months|quarter/i.test(text)) return 3;
  if (/\b(?:year|12\s+months|twelve\s+months|annual|yearly)\b/i.test(text)) return 12;
  return null;
}

function chartType(text: string): ChartKind | null {
  if (/\bpie\b|breakdown|split/i.test(text)) return 'pie';
  if (/\bbars?\b|\bcolumns?\b/i.test(text)) return 'bar';
  if (/\bline\b|trend/i.test(text)) return 'line';
  if (/\barea\b/i.test(text)) return 'area';
  return null;
}

function tabIntent(text: string, mode: IntentMode): Intent | null {
  const m =
    /\b(?:go|take\s+me|switch|jump|navigate|head|bring\s+me)\s+(?:back\s+|over\s+)?to\s+(?:the\s+|my\s+)?(.+?)(?:\s+tab|\s+page|\s+section|\s+screen)\b|\b(?:open|show(?:\s+me)?)\s+(?:up\s+)?(?:the\s+|my\s+)?(.+?)\s+(?:tab|page|section|screen)\b|^(?:the\s+)?(.+?)\s+tab\b/i.exec(
      text,
    );
  const wanted = (m?.[1] ?? m?.[2] ?? m?.[3])?.toLowerCase().trim();
  if (!wanted) return null;
  const key = normalize(wanted);
  const tab =
    mode.tabs.find(
      (t) => t.id === wanted || normalize(t.label) === key || normalize(t.id.replace(/[-_]/g, ' ')) === key,
    ) ?? mode.tabs.find((t) => normalize(t.label).includes(key) || key.includes(normalize(t.label)));
  return tab ? { kind: 'tab', tabId: tab.id } : { kind: 'tab', tabId: wanted.replace(/\s+/g, '-') };
}

/** A KPI's dataset when the card shows that dataset's latest value (its chart ends on the same figure). */
function latestDatasetOf(metricId: string, mode: IntentMode): string | null {
  const metric = mode.metrics?.find((m) => m.id === metricId);
  const field = mode.persona?.fields.find((f) => f.path === metric?.personaPath);
  return field && 'dataset' in field && field.stat === 'last' ? field.dataset : null;
}

function dataIntent(text: string, mode: IntentMode, context: IntentContext): Intent | null {
  const datasets = topicsIn(text, mode.datasets);
  const metric = mode.metrics ? exactTopicIn(text, mode.metrics) : undefined;
  // A KPI said word for word, and more fully than any dataset ("how many flights this year").
  if (metric && metric.length > Math.max(0, ...datasets.map((d) => d.length))) {
    const dataset = latestDatasetOf(metric.id, mode);
    if (!dataset) return { kind: 'metrics', metricIds: [metric.id] };
    if (!datasets.some((d) => d.id === dataset)) datasets.unshift({ ...metric, id: dataset });
  }
  let ids = datasets.sort((a, b) => a.at - b.at).map((d) => d.id);
  const previous = (context.previousDatasetIds ?? []).filter((id) => mode.datasets.some((d) => d.id === id));
  // "compare that with savings", "and against my income": the new series joins the last chart.
  if (
    ids.length &&
    previous.length &&
    /\b(?:compare|compared|vs|versus|against|alongside|next\s+to|with)\b/i.test(text)
  ) {
    if (/\b(?:that|it|this|those|them)\b/i.test(text) || /^(?:and|also)\b/i.test(text.trim()))
      ids = [...new Set([...previous, ...ids])].slice(0, 4);
  }
  if (
    !ids.length &&
    previous.length &&
    FOLLOW_UP.test(text.trim()) &&
    (rangeMonths(text) || chartType(text) || /\b(?:that|it|this|same)\b/i.test(text))
  )
    ids = [...previous];
  if (!ids.length) return null;
  return {
    kind: 'chart',
    datasetIds: ids.slice(0, 4),
    chartType: chartType(text),
    rangeMonths: rangeMonths(text) ?? 12,
  };
}

/** Reads one user message the way a model would decide which tool to call. */
export function detectIntent(text: string, mode: IntentMode, context: IntentContext = {}): Intent {
  const command = switchCommand(text, { isKnown: isKnownIndustry });
  if (command) return { kind: 'switch', ...command };
  const tab = tabIntent(text, mode);
  if (tab) return tab;
  if (ILLUSTRATE.test(text)) {
    // A picture of what was named, of the last chart, or of the mode's first dataset ("illustrate my finances").
    const named = topicsIn(text, mode.datasets)
      .sort((a, b) => a.at - b.at)
      .map((d) => d.id);
    const ids = named.length ? named : (context.previousDatasetIds ?? []).slice(0, 4);
    return { kind: 'illustrate', datasetIds: ids.length ? ids : mode.datasets.slice(0, 1).map((d) => d.id) };
  }
  const data = dataIntent(text, mode, context);
  if (data) return data;
  if (OVERVIEW.test(text)) return { kind: 'metrics' };
  return { kind: 'smalltalk' };
}
