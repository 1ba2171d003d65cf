import { describe, it, expect, vi, afterEach } from 'vitest';
import { Mode } from '../../../api/contracts/mode';
import { Persona } from '../../../api/contracts/persona';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import {
  HISTORY_MONTHS,
  buildPersona,
  datasetForPath,
  hashString,
  monthLabels,
  mulberry32,
  personaMemo,
  personaSeries,
} from '../../../api/domain/persona';
import { deriveTheme } from '../../../api/domain/palette';

const ASOF = new Date('2026-03-15T12:00:00Z');

/** A small mode whose numbers are easy to reason about. */
const fixture: Mode = Mode.parse({
  id: 'fixture',
  name: 'Fixture',
  companyName: 'Fixture Co',
  tagline: 'Test mode',
  source: 'generated',
  theme: deriveTheme('#336699'),
  tabs: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, label: id, icon: 'home', datasetIds: ['loan'] })),
  metrics: ['m1', 'm2', 'm3', 'm4'].map((id) => ({
    id,
    label: id,
    format: 'number',
    personaPath: 'loan.last',
    icon: 'home',
  })),
  datasets: [
    {
      id: 'loan',
      series: { shape: 'burndown', start: [10000, 12000], drift: -300, noise: 0.1, min: 0, max: 20000, decimals: 2 },
    },
    {
      id: 'flow',
      series: { shape: 'seasonal', start: [100, 200], drift: 1, noise: 0.3, min: 0, max: 1000, decimals: 2 },
    },
    { id: 'visits', series: { shape: 'walk', start: [1, 3], drift: 0, noise: 0.5, min: 0, max: 5, decimals: 0 } },
    {
      id: 'score',
      series: { shape: 'walk', start: [600, 700], drift: 2, noise: 0.02, min: 300, max: 850, decimals: 0 },
    },
    { id: 'rate', series: { shape: 'walk', start: [3, 4], drift: 0, noise: 0.05, min: 0, max: 10, decimals: 1 } },
    {
      id: 'paid_off',
      series: { shape: 'burndown', start: [500, 700], drift: -100, noise: 0, min: 0, max: 1000, decimals: 0 },
    },
  ].map((d) => ({ ...d, label: d.id, unit: 'count', kind: 'count', defaultChart: 'line', keywords: [d.id] })),
  persona: {
    role: 'tester',
    fields: [
      { path: 'loan.last', dataset: 'loan', stat: 'last' },
      { path: 'loan.first', dataset: 'loan', stat: 'first' },
      { path: 'loan.change', dataset: 'loan', stat: 'change12' },
      { path: 'flow.sum', dataset: 'flow', stat: 'sum12' },
      { path: 'visits.avg', dataset: 'visits', stat: 'avg12' },
      { path: 'limit', range: [1000, 2000], decimals: 0 },
      { path: 'apr', range: [5, 6], decimals: 2 },
    ],
  },
  tone: ['calm'],
  vocabulary: [],
  welcome: 'Hi',
  voice: 'sage',
});

const ys = (p: Persona, id: string) => (p.series[id] ?? []).map((pt) => pt.y);

afterEach(() => vi.restoreAllMocks());

describe('seeded randomness', () => {
  it('hashes with 32-bit FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('banking:1')).not.toBe(hashString('banking:2'));
  });

  it('mulberry32 repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });

  it('never touches Math.random', () => {
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    expect(() => buildPersona(fixture, 1, ASOF)).not.toThrow();
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('monthLabels', () => {
  it('ends with the UTC month of asOf and crosses year boundaries', () => {
    const labels = monthLabels(ASOF);
    expect(labels).toHaveLength(24);
    expect(labels[0]).toBe('2024-04');
    expect(labels[23]).toBe('2026-03');
    // 00:30 on 1 Feb in UTC+2 is still January in UTC.
    expect(monthLabels(new Date('2026-02-01T00:30:00+02:00'), 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});

describe('buildPersona', () => {
  it('is deterministic for (mode, seed) and valid against the contract', () => {
    const a = buildPersona(fixture, 7, ASOF);
    expect(buildPersona(fixture, 7, ASOF)).toEqual(a);
    expect(Persona.parse(a)).toEqual(a);
    expect(a.modeId).toBe('fixture');
    expect(a.seed).toBe(7);
    expect(a.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  });

  it('changes with the seed', () => {
    const a = buildPersona(fixture, 7, ASOF);
    const b = buildPersona(fixture, 8, ASOF);
    expect(ys(b, 'loan')).not.toEqual(ys(a, 'loan'));
    expect(ys(b, 'flow')).not.toEqual(ys(a, 'flow'));
    expect(b.fields).not.toEqual(a.fields);
  });

  it('lets asOf shift only the month labels', () => {
    const a = buildPersona(fixture, 7, ASOF);
    const b = buildPersona(fixture, 7, new Date('2027-09-02T00:00:00Z'));
    expect(b.fields).toEqual(a.fields);
    expect(b.name).toBe(a.name);
    for (const id of Object.keys(a.series)) expect(ys(b, id)).toEqual(ys(a, id));
    expect(b.series.loan?.at(-1)?.x).toBe('2027-09');
    expect(a.series.loan?.at(-1)?.x).toBe('2026-03');
  });

  it('draws 24 monthly points per dataset, clamped and rounded', () => {
    const p = buildPersona(fixture, 3, ASOF);
    expect(Object.keys(p.series).sort()).toEqual(fixture.datasets.map((d) => d.id).sort());
    for (const ds of fixture.datasets) {
      const points = p.series[ds.id] ?? [];
      expect(points).toHaveLength(HISTORY_MONTHS);
      expect(points.map((pt) => pt.x)).toEqual(monthLabels(ASOF));
      for (const { y } of points) {
        expect(y).toBeGreaterThanOrEqual(ds.series.min);
        expect(y).toBeLessThanOrEqual(ds.series.max);
        expect(Number(y.toFixed(ds.series.decimals))).toBe(y);
      }
    }
  });

  it('draws the first value from the start range', () => {
    for (let seed = 0; seed < 50; seed++) {
      const first = ys(buildPersona(fixture, seed, ASOF), 'score')[0] ?? 0;
      expect(first).toBeGreaterThanOrEqual(600);
      expect(first).toBeLessThanOrEqual(700);
    }
  });

  it('burns down by the payment, slowed so a balance is never paid off inside its history', () => {
    const loan = ys(buildPersona(fixture, 5, ASOF), 'loan');
    for (let i = 1; i < loan.length; i++) {
      const step = (loan[i - 1] ?? 0) - (loan[i] ?? 0);
      expect(step).toBeGreaterThan(0);
      expect(step).toBeLessThanOrEqual(330 + 0.01);
    }
    // 500–700 at $100 a month would hit $0.00 in month 7 and stay there for 17 months on screen.
    for (let seed = 0; seed < 50; seed++) {
      const paidOff = ys(buildPersona(fixture, seed, ASOF), 'paid_off');
      expect(Math.min(...paidOff)).toBeGreaterThan(0);
      for (let i = 1; i < paidOff.length; i++) expect(paidOff[i]).toBeLessThan(paidOff[i - 1]!);
    }
  });

  it('computes fields that equal the series numbers exactly', () => {
    for (let seed = 0; seed < 20; seed++) {
      const p = buildPersona(fixture, seed, ASOF);
      const loan = ys(p, 'loan');
      expect(p.fields['loan.last']).toBe(loan[23]);
      expect(p.fields['loan.first']).toBe(loan[0]);
      expect(p.fields['loan.change']).toBeCloseTo((loan[23] ?? 0) - (loan[11] ?? 0), 9);
      expect(p.fields['loan.change']).toBeLessThan(0);
      const flowSum = ys(p, 'flow')
        .slice(-12)
        .reduce((a, b) => a + b, 0);
      expect(p.fields['flow.sum']).toBeCloseTo(flowSum, 9);
      expect(Number(p.fields['flow.sum']?.toFixed(2))).toBe(p.fields['flow.sum']);
      const visitsAvg =
        ys(p, 'visits')
          .slice(-12)
          .reduce((a, b) => a + b, 0) / 12;
      expect(p.fields['visits.avg']).toBe(Math.round(visitsAvg * 10) / 10);
    }
  });

  it('draws range fields inside the range at the given precision', () => {
    const limits = new Set<number>();
    for (let seed = 0; seed < 50; seed++) {
      const { fields } = buildPersona(fixture, seed, ASOF);
      const limit = fields.limit ?? -1;
      const apr = fields.apr ?? -1;
      expect(Number.isInteger(limit)).toBe(true);
      expect(limit).toBeGreaterThanOrEqual(1000);
      expect(limit).toBeLessThanOrEqual(2000);
      expect(apr).toBeGreaterThanOrEqual(5);
      expect(apr).toBeLessThanOrEqual(6);
      expect(Number(apr.toFixed(2))).toBe(apr);
      limits.add(limit);
    }
    expect(limits.size).toBeGreaterThan(30);
  });

  it('keeps other datasets stable when one is added', () => {
    const extended = Mode.parse({
      ...fixture,
      datasets: [...fixture.datasets, { ...fixture.datasets[0]!, id: 'extra' }],
    });
    const a = buildPersona(fixture, 9, ASOF);
    const b = buildPersona(extended, 9, ASOF);
    expect(b.series.loan).toEqual(a.series.loan);
    expect(b.fields).toEqual(a.fields);
  });

  it('gives banking a persona whose KPI equals the last checking point', () => {
    const banking = getBuiltinMode('banking');
    expect(banking).toBeDefined();
    const p = buildPersona(banking!, 12345, ASOF);
    expect(p.fields['checking.balance']).toBe(p.series.checking?.at(-1)?.y);
    expect(p.fields['mortgage.remaining']).toBe(p.series.mortgage?.at(-1)?.y);
  });
});

describe('lookups', () => {
  it('slices the most recent months of a series', () => {
    const p = buildPersona(fixture, 1, ASOF);
    expect(personaSeries(p, 'loan', 6)).toEqual(p.series.loan?.slice(-6));
    expect(personaSeries(p, 'loan', 6)?.at(-1)?.x).toBe('2026-03');
    expect(personaSeries(p, 'loan')).toHaveLength(24);
    expect(personaSeries(p, 'nope', 6)).toBeUndefined();
  });

  it('finds the dataset behind a field path', () => {
    expect(datasetForPath(fixture, 'loan.change')?.id).toBe('loan');
    expect(datasetForPath(fixture, 'limit')).toBeUndefined();
    expect(datasetForPath(fixture, 'missing')).toBeUndefined();
  });
});

describe('personaMemo', () => {
  it('gives the same customer as buildPersona, builds it once per mode, seed and month, and relabels in a new month', () => {
    const build = vi.fn(buildPersona);
    const persona = personaMemo(build);
    const first = persona(fixture, 7, ASOF);
    expect(first).toEqual(buildPersona(fixture, 7, ASOF));
    expect(persona(fixture, 7, new Date(ASOF.getTime() + 60_000))).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
    expect(persona(fixture, 8, ASOF).seed).toBe(8);
    const nextMonth = new Date(Date.UTC(ASOF.getUTCFullYear(), ASOF.getUTCMonth() + 1, 2));
    expect(persona(fixture, 7, nextMonth).series.loan?.at(-1)?.x).toBe(monthLabels(nextMonth).at(-1));
    expect(build).toHaveBeenCalledTimes(3);
  });

  it('keeps a bounded number of personas per mode', () => {
    const build = vi.fn(buildPersona);
    const persona = personaMemo(build);
    for (let seed = 0; seed < 100; seed++) persona(fixture, seed, ASOF);
    persona(fixture, 99, ASOF);
    expect(build).toHaveBeenCalledTimes(100);
    persona(fixture, 0, ASOF); // forgotten (the oldest), so built again
    expect(build).toHaveBeenCalledTimes(101);
  });
});
