import { GeneratedModeDraft, ModeBrandDraft, type DraftDataset } from '../../../contracts/generated-mode';
import { JobBrand } from '../../../contracts/jobs';
import { outputFindings } from '../../guard/injection';
import { fitIcon } from '../icon-meaning';
import { Mode, type PersonaField, type SeriesSpec, type Theme } from '../../../contracts/mode';
import { typeVoiceForIndustry } from '../../../contracts/type-voice';
import { DomainError } from '../../errors';
import { generatedModeProblems } from '../../guard/mode-output';
import { deriveTheme, themeContrastProblems } from '../../palette';
import { withPresentation } from '../presentation';

/** A draft that cannot become a safe, consistent mode. Not retryable: the same input fails again. */
export class GenerationRejected extends DomainError {
  constructor(readonly problems: string[]) {
    super(
      'generation_rejected',
      `The generated mode was rejected: ${problems.slice(0, 3).join('; ')}`.slice(0, 300),
      422,
      false,
    );
  }
}

const DECIMALS: Record<DraftDataset['unit'], 0 | 1 | 2> = {
  USD: 2,
  percent: 1,
  count: 0,
  points: 0,
  kWh: 0,
  miles: 0,
  days: 0,
};

/**
 * A monthly series spec from two numbers a generator can reason about (a typical value and the
 * monthly change), with noise and bounds chosen here so every generated chart looks plausible.
 */
export function seriesFor(d: DraftDataset): SeriesSpec {
  const t = d.typicalValue;
  const decimals = DECIMALS[d.unit];
  if (d.shape === 'burndown') {
    const payment = -Math.max(Math.abs(d.monthlyChange), t / 200);
    return {
      shape: 'burndown',
      start: [t * 0.95, t * 1.05],
      drift: payment,
      noise: 0.1,
      min: 0,
      max: t * 1.2,
      decimals,
    };
  }
  // Percentages and 0-100 scores never leave their scale; other values get generous headroom.
  const bounded = d.unit === 'percent' || (d.kind === 'score' && t <= 100);
  // Whole counts get room for a few a month even when typically rare, so they can vary (not 0 or 1 forever).
  const room = decimals === 0 ? 6 : 0;
  const cap = bounded ? 100 : Math.max(t * 6, t + Math.abs(d.monthlyChange) * 40, room);
  const noise = d.kind === 'balance' ? 0.05 : d.shape === 'seasonal' ? 0.25 : 0.12;
  const start: [number, number] = [t * 0.85, Math.min(cap, t * 1.15)];
  return { shape: d.shape, start, drift: d.monthlyChange, noise, min: 0, max: cap, decimals };
}

function fieldsFor(draft: GeneratedModeDraft): PersonaField[] {
  const fromMetrics = draft.metrics.map((m): PersonaField => ({
    path: `${m.datasetId}.${m.stat}`,
    dataset: m.datasetId,
    stat: m.stat,
  }));
  const latest = draft.datasets.map((d): PersonaField => ({ path: `${d.id}.last`, dataset: d.id, stat: 'last' }));
  const seen = new Set<string>();
  return [...fromMetrics, ...latest].filter((f) => !seen.has(f.path) && Boolean(seen.add(f.path))).slice(0, 24);
}

/** A draft's optional phrasings, lower-cased and de-duplicated; absent when none were given. */
function phrasingsOf(phrasings: string[] | undefined): { phrasings?: string[] } {
  const kept = [...new Set((phrasings ?? []).map((p) => p.toLowerCase().trim()))];
  return kept.length ? { phrasings: kept } : {};
}

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** Ids that are referenced but missing, or defined twice. */
function integrityProblems(draft: GeneratedModeDraft): string[] {
  const problems: string[] = [];
  const ids = draft.datasets.map((d) => d.id);
  const dupes = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
  for (const [what, xs] of [
    ['dataset', ids],
    ['tab', draft.tabs.map((t) => t.id)],
    ['metric', draft.metrics.map((m) => m.id)],
  ] as const) {
    for (const d of new Set(dupes([...xs]))) problems.push(`${what} id ${d} is used twice`);
  }
  for (const t of draft.tabs)
    for (const id of t.datasetIds) if (!ids.includes(id)) problems.push(`tab ${t.id} names unknown dataset ${id}`);
  for (const m of draft.metrics)
    if (!ids.includes(m.datasetId)) problems.push(`metric ${m.id} names unknown dataset ${m.datasetId}`);
  const listIds = (draft.lists ?? []).map((l) => l.id);
  for (const t of draft.tabs)
    for (const id of t.listIds ?? []) if (!listIds.includes(id)) problems.push(`tab ${t.id} names unknown list ${id}`);
  return problems;
}

/**
 * The theme of a draft: the light palette from its one colour (the same in both steps of a design,
 * so the finished mode does not re-colour the page) and its family's typographic voice.
 */
function themeOf(draft: { primaryColor: string; industryName: string }): Theme {
  return { ...deriveTheme(draft.primaryColor.toLowerCase()), font: typeVoiceForIndustry(draft.industryName) };
}

/**
 * Turns a generator's draft into a full Mode stored under `key`: validated against the bounded
 * draft schema, referentially consistent, palette derived from one colour (WCAG AA by
 * construction, re-checked), welcome text composed here, then the finished mode re-validated and
 * scanned for instruction-like text. Throws GenerationRejected with the reasons otherwise.
 */
export function buildGeneratedMode(raw: unknown, key: string, companyName: string | null): Mode {
  const parsed = GeneratedModeDraft.safeParse(raw);
  if (!parsed.success) {
    throw new GenerationRejected(
      parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'draft'}: ${i.message}`),
    );
  }
  const draft = parsed.data;
  const integrity = integrityProblems(draft);
  if (integrity.length) throw new GenerationRejected(integrity);

  const company = companyName ?? draft.companyName;
  const theme = themeOf(draft);
  const topics = draft.datasets.slice(0, 3).map((d) => d.label.toLowerCase());
  const candidate = {
    id: key,
    name: draft.industryName,
    companyName: company,
    tagline: draft.tagline,
    source: 'generated' as const,
    theme,
    tabs: draft.tabs.map((t) => ({
      id: t.id,
      label: t.label,
      icon: fitIcon(t.label, t.icon),
      datasetIds: [...new Set(t.datasetIds)],
      ...(t.listIds?.length ? { listIds: [...new Set(t.listIds)] } : {}),
    })),
    metrics: draft.metrics.map((m) => ({
      id: m.id,
      label: m.label,
      format: m.format,
      personaPath: `${m.datasetId}.${m.stat}`,
      icon: fitIcon(m.label, m.icon),
      ...phrasingsOf(m.phrasings),
    })),
    datasets: draft.datasets.map((d) => ({
      id: d.id,
      label: d.label,
      unit: d.unit,
      kind: d.kind,
      defaultChart: d.defaultChart,
      keywords: [...new Set(d.keywords.map((k) => k.toLowerCase()))],
      ...phrasingsOf(d.phrasings),
      series: seriesFor(d),
    })),
    persona: { role: draft.personaRole.toLowerCase(), fields: fieldsFor(draft) },
    tone: [...new Set(draft.tone)],
    vocabulary: [...new Set(draft.vocabulary)],
    welcome: `Welcome to ${company}. Ask me about your ${list(topics)}.`.slice(0, 200),
    voice: draft.voice,
    ...(draft.lists?.length ? { lists: draft.lists } : {}),
    ...(draft.actions?.length ? { actions: draft.actions } : {}),
    ...(draft.lead ? { lead: draft.lead } : {}),
  };
  const built = Mode.safeParse(candidate);
  if (!built.success)
    throw new GenerationRejected(built.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`));
  // Whatever the design left out (lists, actions, what leads) comes from its industry family.
  const mode = withPresentation(built.data);
  const problems = [...themeContrastProblems(mode.theme), ...generatedModeProblems(mode)];
  if (problems.length) throw new GenerationRejected(problems);
  return mode;
}

/**
 * The provisional look of a two-step design (issue #12), from the brand step alone: validated
 * against the bounded brand schema, the theme derived from its one colour exactly as
 * buildGeneratedMode will derive it (so the finished mode does not re-colour the page), and every
 * word scanned like a finished mode's. The mark's icon is the first tab's. Throws GenerationRejected.
 */
export function buildBrand(raw: unknown, companyName: string | null): JobBrand {
  const parsed = ModeBrandDraft.safeParse(raw);
  if (!parsed.success) {
    throw new GenerationRejected(
      parsed.error.issues.slice(0, 5).map((i) => `brand.${i.path.join('.') || 'draft'}: ${i.message}`),
    );
  }
  const draft = parsed.data;
  const tabIds = draft.tabs.map((t) => t.id);
  const dupes = [...new Set(tabIds.filter((x, i) => tabIds.indexOf(x) !== i))];
  if (dupes.length) throw new GenerationRejected(dupes.map((d) => `tab id ${d} is used twice`));
  const theme = themeOf(draft);
  const tabs = draft.tabs.map((t) => ({ ...t, icon: fitIcon(t.label, t.icon) }));
  const brand = JobBrand.safeParse({
    name: draft.industryName,
    companyName: companyName ?? draft.companyName,
    tagline: draft.tagline,
    primaryColor: theme.primary,
    theme,
    icon: tabs[0]!.icon,
    tabs,
  });
  if (!brand.success)
    throw new GenerationRejected(brand.error.issues.slice(0, 5).map((i) => `brand.${i.path.join('.')}: ${i.message}`));
  const words: Array<[string, string]> = [
    ['name', brand.data.name],
    ['companyName', brand.data.companyName],
    ['tagline', brand.data.tagline],
    ...brand.data.tabs.map((t): [string, string] => [`tab ${t.id}`, t.label]),
  ];
  const problems = [
    ...themeContrastProblems(theme),
    ...words.flatMap(([where, text]) => {
      const findings = outputFindings(text);
      return findings.length ? [`${where}: ${findings.join(', ')}`] : [];
    }),
  ];
  if (problems.length) throw new GenerationRejected(problems);
  return brand.data;
}
