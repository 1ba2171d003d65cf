import type { ChartSpec } from '../../../../api/contracts/tools';
import { compact } from '../../lib/format';
import { monthsOf } from './chart-utils';
import { type Domain, linear, yDomain } from './scale';

export const CHART_HEIGHT = 220;

/** Plot geometry shared by the line, area and bar charts. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  months: string[];
  unit: string;
  dom: Domain;
  tickLabels: string[];
  /** Centre x of month i. */
  x: (i: number) => number;
  y: (v: number) => number;
  /** Width of one month's slot. */
  band: number;
}

export function makeFrame(spec: ChartSpec, width: number, banded: boolean, zero: boolean): Frame {
  const height = CHART_HEIGHT;
  const months = monthsOf(spec);
  const unit = spec.series[0]?.unit ?? '';
  const integer = spec.series.every((s) => s.unit === 'count');
  const dom = yDomain(
    spec.series.flatMap((s) => s.points.map((p) => p.y)),
    zero,
    4,
    integer,
  );
  const tickLabels = dom.ticks.map((t) => compact(t, unit));
  const left = Math.max(...tickLabels.map((l) => l.length)) * 7 + 14;
  const right = width - 14;
  const top = 12;
  const bottom = height - 28;
  const n = Math.max(1, months.length);
  const band = banded ? (right - left) / n : n > 1 ? (right - left) / (n - 1) : right - left;
  const x = banded
    ? (i: number) => left + (i + 0.5) * band
    : (i: number) => (n > 1 ? left + i * band : (left + right) / 2);
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    months,
    unit,
    dom,
    tickLabels,
    x,
    y: linear(dom.lo, dom.hi, bottom, top),
    band,
  };
}

/** Index of the month nearest to a pointer x. */
export function indexAt(f: Frame, px: number, banded: boolean): number {
  const n = f.months.length;
  const raw = banded ? Math.floor((px - f.left) / f.band) : Math.round((px - f.left) / (f.band || 1));
  return Math.min(n - 1, Math.max(0, raw));
}
