import { describe, expect, it } from 'vitest';
import { labelEvery, niceStep, yDomain } from '../../../web/src/features/charts/scale';
import { axisLabels, fmt, monthTick } from '../../../web/src/lib/format';
import { formatValue } from '../../../api/contracts/format';

describe('chart scales', () => {
  it('picks 1/2/2.5/5 steps', () => {
    expect(niceStep(100, 4)).toBe(25);
    expect(niceStep(9, 4)).toBe(2.5);
    expect(niceStep(1000, 5)).toBe(200);
  });

  it('covers the data with rounded ticks and never dips below zero for positive data', () => {
    const d = yDomain([2410.55, 3120.2, 4890.1], false);
    expect(d.lo).toBeGreaterThanOrEqual(0);
    expect(d.lo).toBeLessThanOrEqual(2410.55);
    expect(d.hi).toBeGreaterThanOrEqual(4890.1);
    expect(d.ticks[0]).toBe(d.lo);
    expect(d.ticks[d.ticks.length - 1]).toBe(d.hi);
  });

  it('includes zero for bars and areas', () => {
    expect(yDomain([700, 720], true).lo).toBe(0);
  });

  it('spaces month labels by width', () => {
    expect(labelEvery(12, 600)).toBe(2);
    expect(labelEvery(12, 1200)).toBe(1);
  });
});

describe('formatting', () => {
  it('uses the shared formatValue for exact figures', () => {
    expect(fmt(4210.5, 'USD')).toBe(formatValue(4210.5, 'USD'));
    expect(fmt(731, 'points')).toBe('731');
    expect(fmt(3, 'unknown-unit')).toBe('3');
  });

  it('abbreviates axis ticks', () => {
    expect(axisLabels([10000, 12500, 15000], 'USD')).toEqual(['$10.0k', '$12.5k', '$15.0k']);
    expect(axisLabels([0, 100000, 200000, 300000], 'USD')).toEqual(['$0', '$100k', '$200k', '$300k']);
    expect(axisLabels([0, 25, 50], 'percent')).toEqual(['0%', '25%', '50%']);
  });

  it('marks the year on January and the first tick', () => {
    expect(monthTick('2025-01', false)).toBe('Jan ’25');
    expect(monthTick('2025-03', true)).toBe('Mar ’25');
    expect(monthTick('2025-03', false)).toBe('Mar');
  });
});

describe('integer domains', () => {
  it('keeps count ticks whole', () => {
    const d = yDomain([1, 2, 2, 1], true, 4, true);
    expect(d.ticks.every((t) => Number.isInteger(t))).toBe(true);
  });
});
