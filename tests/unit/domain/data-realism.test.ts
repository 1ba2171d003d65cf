import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../../../api/adapters/offline/families/generic';
import { wordsOf } from '../../../api/adapters/offline/families/family';
import { FAMILIES } from '../../../api/adapters/offline/lexicon';
import { chartSeriesOf, payoffOf, scaleOf } from '../../../api/contracts/chart-series';
import { changeOf } from '../../../api/contracts/format';
import type { Mode } from '../../../api/contracts/mode';
import { BUILTIN_MODES } from '../../../api/domain/modes/catalog';
import { buildGeneratedMode } from '../../../api/domain/modes/generation/build-mode';
import { buildPersona } from '../../../api/domain/persona';
import { yDomain } from '../../../web/src/features/charts/scale';

/** Every pre-built mode and one mode of every offline family: the data a demo can ever show. */
const MODES: Mode[] = [
  ...BUILTIN_MODES,
  ...[...FAMILIES, services].map((f) =>
    buildGeneratedMode(f.draft(wordsOf(f.keywords[0] ?? 'consulting firm')), `offline-${f.id}`, null),
  ),
];
const ASOF = new Date(Date.UTC(2026, 11, 3));
// A fixed fast-check seed: the property runs over the same 60 customers on every run (no flake).
const customers = { seed: 14, numRuns: 60 };
const anyCustomer = fc.integer({ min: 0, max: 2 ** 31 - 1 });

const longestRun = (ys: number[], pred: (y: number) => boolean) => {
  let best = 0;
  let run = 0;
  for (const y of ys) best = Math.max(best, (run = pred(y) ? run + 1 : 0));
  return best;
};

describe.each(MODES.map((m) => [m.id, m] as const))('data realism: %s', (_id, mode) => {
  it('keeps percentages and scores on their scale, and never sticks a series at 0 or flat', () => {
    fc.assert(
      fc.property(anyCustomer, (seed) => {
        const persona = buildPersona(mode, seed, ASOF);
        for (const d of mode.datasets) {
          const ys = persona.series[d.id]!.map((p) => p.y);
          const year = ys.slice(-12);
          const scale = scaleOf(d);
          if (scale) expect(Math.max(...ys), d.id).toBeLessThanOrEqual(scale.max);
          if (scale) expect(Math.min(...ys), d.id).toBeGreaterThanOrEqual(scale.min);
          // Not stuck: a year has more than one figure, no more than three zero months in a row.
          expect(new Set(year).size, `${d.id} ${year.join(',')}`).toBeGreaterThan(1);
          expect(
            longestRun(ys, (y) => y === 0),
            `${d.id} ${ys.join(',')}`,
          ).toBeLessThanOrEqual(3);
        }
      }),
      customers,
    );
  });

  it('projects every paid-down balance to a payoff after today, never shows it paid off at $0.00', () => {
    fc.assert(
      fc.property(anyCustomer, (seed) => {
        const persona = buildPersona(mode, seed, ASOF);
        for (const d of mode.datasets.filter((x) => x.series.shape === 'burndown' && x.series.drift < 0)) {
          const points = persona.series[d.id]!;
          expect(Math.min(...points.map((p) => p.y)), d.id).toBeGreaterThan(d.series.min);
          const payoff = payoffOf(d, points);
          expect(payoff, d.id).toBeDefined();
          expect(payoff!.month > points.at(-1)!.x, d.id).toBe(true);
          expect(chartSeriesOf(d, points, 12).payoff).toEqual(payoff);
        }
      }),
      customers,
    );
  });

  it('never shows a zero KPI with a percentage change, nor a percentage over a tiny count', () => {
    fc.assert(
      fc.property(anyCustomer, (seed) => {
        const persona = buildPersona(mode, seed, ASOF);
        for (const m of mode.metrics) {
          const field = mode.persona.fields.find((f) => f.path === m.personaPath);
          if (!field || !('dataset' in field)) continue;
          const year = persona.series[field.dataset]!.slice(-12);
          const change = changeOf(year[0]!.y, year.at(-1)!.y, m.format);
          const small = Math.abs(year[0]!.y) < 20 && (m.format === 'number' || m.format === 'days');
          if (year.at(-1)!.y === 0 || year[0]!.y === 0 || small || m.format === 'percent' || m.format === 'score')
            expect(change?.text ?? '', m.id).not.toMatch(/%$/);
        }
      }),
      customers,
    );
  });

  it('bounded charts get axes that never pass their scale (no "110 %" satisfaction)', () => {
    fc.assert(
      fc.property(anyCustomer, fc.boolean(), (seed, zero) => {
        const persona = buildPersona(mode, seed, ASOF);
        for (const d of mode.datasets) {
          const scale = scaleOf(d);
          if (!scale) continue;
          const ys = persona.series[d.id]!.slice(-12).map((p) => p.y);
          const dom = yDomain(ys, zero, 4, d.unit === 'count', scale);
          expect(dom.hi, d.id).toBeLessThanOrEqual(scale.max);
          expect(Math.max(...dom.ticks), d.id).toBeLessThanOrEqual(scale.max);
          expect(dom.lo, d.id).toBeGreaterThanOrEqual(scale.min);
          expect(dom.hi).toBeGreaterThanOrEqual(Math.max(...ys));
          expect(dom.lo).toBeLessThanOrEqual(Math.min(...ys));
        }
      }),
      customers,
    );
  });
});
