import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../api/contracts/chart-series';
import { axisLabels, changeOf, formatValue, money } from '../../../api/contracts/format';
import { yDomain } from '../../../web/src/features/charts/scale';

describe('currency precision by magnitude (KPI, axis, tooltip and chat use formatValue)', () => {
  it('shows cents under $100, whole dollars up to $10k, then $12.3k and $1.2M', () => {
    expect(money(27.4)).toBe('$27.40');
    expect(money(5048.71)).toBe('$5,049');
    expect(money(290215.26)).toBe('$290.2k');
    expect(money(1_240_000)).toBe('$1.2M');
    expect(money(-2268.72)).toBe('-$2,269');
    expect(formatValue(412000, 'USD')).toBe('$412k');
  });

  it('never shows cents on a figure of $100 or more', () => {
    fc.assert(
      fc.property(fc.double({ min: 100, max: 1e9, noNaN: true }), (v) => {
        expect(money(v)).not.toMatch(/\.\d\d$/);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe('one format per axis', () => {
  it('never mixes "$5,000" and "$10k", nor decimals, on one axis', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 5e8 }).map((cents) => cents / 100),
          { minLength: 2, maxLength: 24 },
        ),
        fc.constantFrom('USD', 'percent', 'count', 'kWh'),
        fc.boolean(),
        (values, unit, zero) => {
          const labels = axisLabels(yDomain(values, zero).ticks, unit).filter((l) => !/^\$?0%?$/.test(l));
          const shape = (l: string) => [/k$|k%$/.test(l), /M$/.test(l), /\.(\d+)/.exec(l)?.[1]?.length ?? 0];
          for (const l of labels) expect(shape(l)).toEqual(shape(labels[0]!));
          expect(new Set(labels).size).toBe(labels.length);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});

describe('KPI change over the year', () => {
  it('says the absolute change for a zero value, a zero base or a tiny count', () => {
    expect(changeOf(2268.72, 0, 'currency')).toEqual({ direction: 'down', text: '$2,269' });
    expect(changeOf(0, 350, 'currency')).toEqual({ direction: 'up', text: '$350' });
    expect(changeOf(1, 2, 'number')).toEqual({ direction: 'up', text: '1' });
    expect(changeOf(0, 0, 'number')).toBeNull();
  });

  it('moves percentages and scores by points, other values by a percentage', () => {
    expect(changeOf(92.1, 95.7, 'percent')).toEqual({ direction: 'up', text: '3.6 pts' });
    expect(changeOf(710, 742, 'score')).toEqual({ direction: 'up', text: '32' });
    expect(changeOf(4000, 5000, 'currency')).toEqual({ direction: 'up', text: '25%' });
  });
});

describe('payoff months', () => {
  it('adds months across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-12', 267)).toBe('2049-03');
  });
});
