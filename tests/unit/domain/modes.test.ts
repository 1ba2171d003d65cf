import { describe, it, expect } from 'vitest';
import { BUILTIN_MODE_IDS, Mode, ModeSummary } from '../../../api/contracts/mode';
import { BUILTIN_MODES, builtinModeSummaries, getBuiltinMode } from '../../../api/domain/modes/catalog';
import { themeContrastProblems } from '../../../api/domain/palette';
import { buildPersona } from '../../../api/domain/persona';

const ASOF = new Date('2026-06-10T00:00:00Z');
const SEEDS = [0, 1, 42, 2024, 2_147_483_647];

const dups = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('catalog', () => {
  it('holds exactly the built-in ids, in contract order', () => {
    expect(BUILTIN_MODES.map((m) => m.id)).toEqual([...BUILTIN_MODE_IDS]);
  });

  it('looks modes up by id', () => {
    expect(getBuiltinMode('banking')?.companyName).toBe('Harborstone Bank');
    expect(getBuiltinMode('food-bank')).toBeUndefined();
  });

  it('summarises each mode with its primary colour', () => {
    const summaries = builtinModeSummaries();
    expect(summaries).toHaveLength(BUILTIN_MODES.length);
    summaries.forEach((s, i) => {
      const mode = BUILTIN_MODES[i]!;
      expect(ModeSummary.parse(s)).toEqual(s);
      expect(s).toEqual({
        id: mode.id,
        name: mode.name,
        companyName: mode.companyName,
        source: 'builtin',
        primaryColor: mode.theme.primary,
      });
    });
  });

  it('gives every mode its own company and colour', () => {
    expect(dups(BUILTIN_MODES.map((m) => m.companyName))).toEqual([]);
    expect(dups(BUILTIN_MODES.map((m) => m.theme.primary))).toEqual([]);
  });
});

describe.each(BUILTIN_MODES.map((m) => [m.id, m] as const))('%s', (_id, mode) => {
  it('parses against the Mode contract and is built in', () => {
    expect(Mode.parse(mode)).toEqual(mode);
    expect(mode.source).toBe('builtin');
  });

  it('has an accessible theme', () => {
    expect(themeContrastProblems(mode.theme)).toEqual([]);
  });

  it('has 5 tabs, 4 metrics and at least 6 datasets with unique ids', () => {
    expect(mode.tabs).toHaveLength(5);
    expect(mode.metrics).toHaveLength(4);
    expect(mode.datasets.length).toBeGreaterThanOrEqual(6);
    expect(dups(mode.tabs.map((t) => t.id))).toEqual([]);
    expect(dups(mode.metrics.map((m) => m.id))).toEqual([]);
    expect(dups(mode.datasets.map((d) => d.id))).toEqual([]);
    expect(dups(mode.persona.fields.map((f) => f.path))).toEqual([]);
  });

  it('resolves every tab dataset, metric path and field dataset', () => {
    const datasetIds = new Set(mode.datasets.map((d) => d.id));
    const paths = new Set(mode.persona.fields.map((f) => f.path));
    for (const tab of mode.tabs)
      for (const id of tab.datasetIds) expect(datasetIds.has(id), `${tab.id} -> ${id}`).toBe(true);
    for (const m of mode.metrics) expect(paths.has(m.personaPath), m.personaPath).toBe(true);
    for (const f of mode.persona.fields) if ('dataset' in f) expect(datasetIds.has(f.dataset), f.path).toBe(true);
    // Every dataset is reachable from some tab.
    const onTabs = new Set(mode.tabs.flatMap((t) => t.datasetIds));
    expect(mode.datasets.filter((d) => !onTabs.has(d.id)).map((d) => d.id)).toEqual([]);
  });

  it('builds personas with at least 12 months of history and KPI values equal to the chart', () => {
    for (const seed of SEEDS) {
      const p = buildPersona(mode, seed, ASOF);
      for (const ds of mode.datasets) {
        const points = p.series[ds.id] ?? [];
        expect(points.length).toBeGreaterThanOrEqual(12);
        expect(points.at(-1)?.x).toBe('2026-06');
        for (const { y } of points) {
          expect(y, ds.id).toBeGreaterThanOrEqual(ds.series.min);
          expect(y, ds.id).toBeLessThanOrEqual(ds.series.max);
        }
      }
      for (const m of mode.metrics) {
        const value = p.fields[m.personaPath];
        expect(typeof value, m.personaPath).toBe('number');
        const field = mode.persona.fields.find((f) => f.path === m.personaPath);
        if (field && 'dataset' in field && field.stat === 'last')
          expect(value).toBe(p.series[field.dataset]?.at(-1)?.y);
      }
    }
  });

  it('has natural keywords that are unique within the mode', () => {
    const all = mode.datasets.flatMap((d) => d.keywords.map((k) => k.toLowerCase()));
    expect(dups(all)).toEqual([]);
    for (const d of mode.datasets) expect(d.keywords.length, d.id).toBeGreaterThanOrEqual(3);
  });

  it('speaks in its own voice', () => {
    expect(mode.welcome).toContain(mode.companyName);
    expect(mode.welcome.length).toBeLessThanOrEqual(200);
    expect(mode.vocabulary.length).toBeGreaterThanOrEqual(8);
    expect(mode.vocabulary.length).toBeLessThanOrEqual(15);
  });
});

describe('banking', () => {
  const banking = getBuiltinMode('banking')!;

  it('has checking, savings, credit card, mortgage, spending and credit score', () => {
    const ids = banking.datasets.map((d) => d.id);
    for (const id of ['checking', 'savings', 'credit_card', 'mortgage', 'spending', 'credit_score'])
      expect(ids).toContain(id);
  });

  it('has a Transfers tab', () => {
    expect(banking.tabs.find((t) => t.id === 'transfers')?.label).toBe('Transfers');
  });

  it('binds the checking KPI to the last checking point', () => {
    const metric = banking.metrics.find((m) => m.personaPath === 'checking.balance');
    expect(metric?.format).toBe('currency');
    const p = buildPersona(banking, 77, ASOF);
    expect(p.fields['checking.balance']).toBe(p.series.checking?.at(-1)?.y);
  });

  it('pays the mortgage down every month from about $310k', () => {
    expect(banking.datasets.find((d) => d.id === 'mortgage')?.series.shape).toBe('burndown');
    for (const seed of SEEDS) {
      const ys = (buildPersona(banking, seed, ASOF).series.mortgage ?? []).map((p) => p.y);
      expect(ys[0]).toBeGreaterThan(290_000);
      expect(ys[0]).toBeLessThan(330_000);
      for (let i = 1; i < ys.length; i++) {
        const payment = (ys[i - 1] ?? 0) - (ys[i] ?? 0);
        expect(payment).toBeGreaterThan(900);
        expect(payment).toBeLessThan(1300);
      }
    }
  });

  it('keeps checking to a few thousand dollars with cents', () => {
    for (const seed of SEEDS) {
      const ys = (buildPersona(banking, seed, ASOF).series.checking ?? []).map((p) => p.y);
      expect(Math.min(...ys)).toBeGreaterThan(500);
      expect(Math.max(...ys)).toBeLessThan(10_000);
    }
  });
});

describe('industry content', () => {
  const datasetIds = (id: string) => getBuiltinMode(id)?.datasets.map((d) => d.id) ?? [];

  it('insurance covers life, auto, home and claims', () => {
    const ids = datasetIds('insurance').join(' ');
    for (const word of ['life', 'auto', 'home', 'claims']) expect(ids).toContain(word);
  });

  it('healthcare covers coverage, deductible, visits and claims', () => {
    expect(datasetIds('healthcare')).toEqual(expect.arrayContaining(['coverage', 'deductible', 'visits', 'claims']));
  });

  it('never lets the deductible met exceed the annual deductible', () => {
    const mode = getBuiltinMode('healthcare')!;
    for (const seed of SEEDS) {
      const p = buildPersona(mode, seed, ASOF);
      expect(p.fields['deductible.met']).toBeLessThanOrEqual(p.fields['deductible.annual'] ?? 0);
    }
  });
});
