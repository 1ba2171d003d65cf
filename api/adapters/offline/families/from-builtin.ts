import {
  SAFE_TEXT,
  type DraftDataset,
  type DraftMetric,
  type GeneratedModeDraft,
} from '../../../contracts/generated-mode';
import type { Dataset, Metric, Mode } from '../../../contracts/mode';

const FORMAT_OF: Record<Dataset['unit'], DraftMetric['format']> = {
  USD: 'currency',
  percent: 'percent',
  points: 'score',
  days: 'days',
  count: 'number',
  kWh: 'number',
  miles: 'number',
};
const MAX_DATASETS = 10;

function draftDataset(d: Dataset): DraftDataset {
  const typical = Math.max(0.1, (Math.abs(d.series.start[0]) + Math.abs(d.series.start[1])) / 2);
  return {
    id: d.id,
    label: d.label,
    unit: d.unit,
    kind: d.kind,
    defaultChart: d.defaultChart,
    keywords: d.keywords.filter((k) => k.length >= 2).slice(0, 6),
    ...draftPhrasings(d.phrasings, 8),
    shape: d.series.shape,
    typicalValue: typical,
    monthlyChange: d.series.drift,
  };
}

/** A pre-built mode's phrasings within the draft's bounds, so a branded variant understands the same questions. */
function draftPhrasings(phrasings: readonly string[] | undefined, max: number): { phrasings?: string[] } {
  const kept = (phrasings ?? []).filter((p) => p.length >= 2 && p.length <= 60 && SAFE_TEXT.test(p)).slice(0, max);
  return kept.length ? { phrasings: kept } : {};
}

/** A KPI as a dataset statistic; a KPI drawn from a fixed range becomes the latest value of a spare dataset. */
function draftMetric(m: Metric, mode: Mode, kept: Dataset[], used: Set<string>): DraftMetric {
  const field = mode.persona.fields.find((f) => f.path === m.personaPath);
  if (
    field &&
    'dataset' in field &&
    (field.stat === 'last' || field.stat === 'sum12' || field.stat === 'avg12') &&
    kept.some((d) => d.id === field.dataset)
  ) {
    used.add(field.dataset);
    return {
      id: m.id,
      label: m.label,
      format: m.format,
      icon: m.icon,
      datasetId: field.dataset,
      stat: field.stat,
      ...draftPhrasings(m.phrasings, 6),
    };
  }
  const spare = kept.find((d) => !used.has(d.id)) ?? kept[0]!;
  used.add(spare.id);
  return {
    id: m.id,
    label: spare.label.slice(0, 32),
    format: FORMAT_OF[spare.unit],
    icon: m.icon,
    datasetId: spare.id,
    stat: 'last',
  };
}

/**
 * A pre-built mode as a draft, so a company variant ("Wells Fargo" of banking) keeps the industry's
 * tabs, datasets and KPIs — "how much is in my checking?" works the same — under its own brand.
 */
export function draftFromMode(mode: Mode): GeneratedModeDraft {
  // Datasets the KPIs and tabs need come first, so trimming to the draft's limit never orphans a tab.
  const wanted = [
    ...mode.metrics.flatMap((m) =>
      mode.persona.fields
        .filter((f) => f.path === m.personaPath && 'dataset' in f)
        .map((f) => ('dataset' in f ? f.dataset : '')),
    ),
    ...mode.tabs.flatMap((t) => t.datasetIds),
    ...mode.datasets.map((d) => d.id),
  ];
  const ids = [...new Set(wanted)].slice(0, MAX_DATASETS);
  const kept = ids.map((id) => mode.datasets.find((d) => d.id === id)).filter((d): d is Dataset => Boolean(d));
  const used = new Set<string>();
  // The base's lists and actions too, within the draft's bounds; a tab keeps only the lists kept.
  const lists = mode.lists?.slice(0, 3);
  const listIds = (t: Mode['tabs'][number]) => (t.listIds ?? []).filter((id) => lists?.some((l) => l.id === id));
  return {
    industryName: mode.name,
    companyName: mode.companyName,
    tagline: mode.tagline,
    primaryColor: mode.theme.primary,
    personaRole: mode.persona.role,
    tone: mode.tone,
    vocabulary: mode.vocabulary.filter((v) => v.length >= 2 && v.length <= 30).slice(0, 12),
    voice: mode.voice,
    tabs: mode.tabs.map((t) => ({
      id: t.id,
      label: t.label,
      icon: t.icon,
      datasetIds: t.datasetIds.filter((id) => ids.includes(id)).slice(0, 3),
      ...(listIds(t).length ? { listIds: listIds(t) } : {}),
    })),
    metrics: mode.metrics.map((m) => draftMetric(m, mode, kept, used)),
    datasets: kept.map(draftDataset),
    ...(lists?.length ? { lists } : {}),
    ...(mode.actions?.length ? { actions: mode.actions } : {}),
    ...(mode.lead ? { lead: mode.lead } : {}),
  };
}
