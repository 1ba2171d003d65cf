import type { DraftDataset, DraftMetric, DraftTab, GeneratedModeDraft } from '../../../contracts/generated-mode';
import { hashString } from '../../../domain/persona';

/** The words of a request, as the templates use them. */
export interface Words {
  /** Sanitised industry, lower case ("veterinary clinic"). */
  industry: string;
  /** Title case ("Veterinary Clinic"). */
  title: string;
  /** Stable per industry, so the same words always give the same mode. */
  seed: number;
}

/** An industry family: the words that select it and how it drafts a mode. */
export interface Family {
  id: string;
  /** Whole words or phrases; the longest one found in the request wins. */
  keywords: string[];
  /** Words that rule the family out ("food bank" is not a bank). */
  notWith?: string[];
  draft(words: Words): GeneratedModeDraft;
}

export function wordsOf(industry: string): Words {
  const lower = industry.toLowerCase().replace(/\s+/g, ' ').trim();
  const title = lower.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
  return { industry: lower, title, seed: hashString(lower) };
}

/** Picks one item deterministically. */
export function pick<T>(items: readonly T[], seed: number, salt = 0): T {
  return items[(seed + salt * 7919) % items.length]!;
}

export function dataset(
  id: string,
  label: string,
  unit: DraftDataset['unit'],
  kind: DraftDataset['kind'],
  defaultChart: DraftDataset['defaultChart'],
  shape: DraftDataset['shape'],
  typicalValue: number,
  monthlyChange: number,
  keywords: string[],
  phrasings: string[] = [],
): DraftDataset {
  const base = { id, label, unit, kind, defaultChart, shape, typicalValue, monthlyChange, keywords };
  return phrasings.length ? { ...base, phrasings } : base;
}

export function tab(id: string, label: string, icon: DraftTab['icon'], ...datasetIds: string[]): DraftTab {
  return { id, label, icon, datasetIds };
}

export function kpi(
  id: string,
  label: string,
  format: DraftMetric['format'],
  icon: DraftMetric['icon'],
  datasetId: string,
  stat: DraftMetric['stat'],
  phrasings: string[] = [],
): DraftMetric {
  const base = { id, label, format, icon, datasetId, stat };
  return phrasings.length ? { ...base, phrasings } : base;
}
