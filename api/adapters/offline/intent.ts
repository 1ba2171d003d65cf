import type { BuiltinModeId, Dataset, Tab } from '../../contracts/mode';
import { findBrand } from './brands';
import { builtinFor } from '../../domain/modes/industry-phrases';

export { builtinFor };

/** The parts of a mode intent detection reads (the Foundry emulator's brain passes a mode parsed from a prompt). */
export interface IntentMode {
  datasets: readonly Pick<Dataset, 'id' | 'label' | 'keywords'>[];
  tabs: readonly Pick<Tab, 'id' | 'label'>[];
}

/** What the offline engine understood from one user message. */
export type Intent =
  | { kind: 'switch'; industry: string; builtin: BuiltinModeId | null; companyName: string | null }
  | { kind: 'tab'; tabId: string }
  | { kind: 'chart'; datasetIds: string[]; chartType: 'line' | 'bar' | 'area' | 'pie' | null; rangeMonths: number }
  | { kind: 'metrics' }
  /** "illustrate my savings", "make me a picture of my spending" → make_chart_image (issue #6). */
  | { kind: 'illustrate'; datasetIds: string[] }
  | { kind: 'smalltalk' };

const MAGIC = /\b(?:hey\s+)?presto\b/i;
const CHANGE =
  /^(?:(?:please|now|ok|okay|and)\s+)*(?:you(?:'|’)?re|you\s+are|youre|turn\s+(?:yourself\s+)?into|transform\s+(?:yourself\s+)?into|become|change\s+(?:yourself\s+)?into|switch\s+(?:yourself\s+)?(?:to|into)|be(?=\s+an?\s))\s+(?:now\s+)?(.+)$/i;
/** Asking for a picture rather than a chart: "illustrate", "a picture/image/drawing of", "paint", "draw". */
const ILLUSTRATE = /\b(?:illustrat(?:e|ed|ion)|picture|image|drawing|paint(?:ing)?|draw|sketch)\b/i;
const EXPLICIT_MODE = /\b(?:switch|change)\s+to\s+(?:the\s+)?(.+?)\s+mode\b/i;

function normalizeIndustry(phrase: string): { industry: string; company: string | null } {
  let text = phrase.replace(/[.!?]+$/, '').trim();
  let company: string | null = null;
  const called = /\s+(?:called|named)\s+(.+)$/i.exec(text);
  if (called?.[1]) {
    company = called[1].replace(/["“”]/g, '').trim().slice(0, 60) || null;
    text = text.slice(0, called.index);
  }
  text = text.replace(/^(?:now\s+)?(?:an?|the|my)\s+/i, '').trim();
  return { industry: text.slice(0, 80), company };
}

function switchIntent(text: string): Intent | null {
  const explicit = EXPLICIT_MODE.exec(text);
  const afterMagic = MAGIC.test(text) ? text.slice(text.search(MAGIC)) : null;
  const change = afterMagic
    ? CHANGE.exec(afterMagic.replace(MAGIC, '').replace(/^[\s,!-]*(?:change[-\s]?o)?[\s,!-]*/i, ''))
    : null;
  const phrase = explicit?.[1] ?? change?.[1];
  if (!phrase) return null;
  const { industry, company } = normalizeIndustry(phrase);
  if (!industry) return null;
  // "you're Wells Fargo": a model knows that is a bank called Wells Fargo; so does the offline engine.
  const brand = company ? undefined : findBrand(industry);
  if (brand) return { kind: 'switch', industry: brand.industry, builtin: brand.builtin, companyName: brand.name };
  return { kind: 'switch', industry, builtin: builtinFor(industry), companyName: company };
}

function rangeMonths(text: string): number {
  const months = /(?:last|past)\s+(\d{1,2})\s+months?/i.exec(text);
  if (months?.[1]) return Math.min(24, Math.max(1, Number(months[1])));
  if (/(?:last|past)\s+two\s+years|24\s+months/i.test(text)) return 24;
  if (/(?:last|past)\s+(?:six|6)\s+months|half[-\s]year/i.test(text)) return 6;
  if (/(?:last|past)\s+(?:three|3)\s+months|quarter/i.test(text)) return 3;
  return 12;
}

function chartType(text: string): 'line' | 'bar' | 'area' | 'pie' | null {
  if (/\bpie\b|breakdown|split/i.test(text)) return 'pie';
  if (/\bbars?\b/i.test(text)) return 'bar';
  if (/\bline\b|trend/i.test(text)) return 'line';
  if (/\barea\b/i.test(text)) return 'area';
  return null;
}

/** Datasets named in the text, longest keyword first so "credit card" beats "card". */
function mentionedDatasets(text: string, mode: IntentMode): string[] {
  const lower = ` ${text.toLowerCase().replace(/[^a-z0-9\s-]/g, ' ')} `;
  const candidates = mode.datasets
    .flatMap((d) =>
      [d.id.replace(/_/g, ' '), d.label.toLowerCase(), ...d.keywords.map((k) => k.toLowerCase())].map((k) => ({
        id: d.id,
        k,
      })),
    )
    .sort((a, b) => b.k.length - a.k.length);
  const found: { id: string; at: number }[] = [];
  let rest = lower;
  for (const { id, k } of candidates) {
    const at = rest.indexOf(` ${k} `);
    if (at < 0 && !rest.includes(` ${k}s `)) continue;
    const pos = at >= 0 ? at : rest.indexOf(` ${k}s `);
    if (!found.some((f) => f.id === id)) found.push({ id, at: pos });
    rest = rest.slice(0, pos) + ' '.repeat(k.length + 1) + rest.slice(pos + k.length + 1);
  }
  return found
    .sort((a, b) => a.at - b.at)
    .map((f) => f.id)
    .slice(0, 4);
}

function tabIntent(text: string, mode: IntentMode): Intent | null {
  const m =
    /\b(?:go|take me|switch|jump|navigate)\s+(?:back\s+)?to\s+(?:the\s+|my\s+)?(.+?)(?:\s+tab|\s+page|\s+section)\b|\bopen\s+(?:the\s+|my\s+)?(.+?)\s+tab\b/i.exec(
      text,
    );
  const wanted = (m?.[1] ?? m?.[2])?.toLowerCase().trim();
  if (!wanted) return null;
  const tab = mode.tabs.find(
    (t) => t.id === wanted || t.label.toLowerCase() === wanted || t.id.replace(/[-_]/g, ' ') === wanted,
  );
  return tab ? { kind: 'tab', tabId: tab.id } : { kind: 'tab', tabId: wanted.replace(/\s+/g, '-') };
}

/** Reads one user message the way a model would decide which tool to call. */
export function detectIntent(text: string, mode: IntentMode): Intent {
  const sw = switchIntent(text);
  if (sw) return sw;
  const tab = tabIntent(text, mode);
  if (tab) return tab;
  const datasetIds = mentionedDatasets(text, mode);
  // A picture of what was named, or of the mode's first dataset ("illustrate my finances").
  if (ILLUSTRATE.test(text))
    return {
      kind: 'illustrate',
      datasetIds: datasetIds.length ? datasetIds : mode.datasets.slice(0, 1).map((d) => d.id),
    };
  if (datasetIds.length > 0)
    return { kind: 'chart', datasetIds, chartType: chartType(text), rangeMonths: rangeMonths(text) };
  if (/\b(kpis?|metrics|overview|summary|dashboard|how am i doing)\b/i.test(text)) return { kind: 'metrics' };
  return { kind: 'smalltalk' };
}
