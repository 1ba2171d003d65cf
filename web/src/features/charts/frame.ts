import type { ChartSpec } from '../../../../api/contracts/tools';
import { axisLabels } from '../../lib/format';
import { monthsOf } from './chart-utils';
import { type Domain, linear, yDomain } from './scale';

export const CHART_HEIGHT = 220;
/** Share of the plot width the recorded months take when a payoff projection follows them. */
export const PAST_SHARE = 0.68;

/** Plot geometry shared by the line, area and bar charts. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  /** Right edge of the grid: past `right` when a payoff projection follows the last month. */
  end: number;
  /** The paid-down balance's projection to zero, drawn from the last month to `end`. */
  payoff?: { month: string; monthly: number };
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
  const first = spec.series[0];
  // One shared scale only when every series has it (two percentages); otherwise the axis is open.
  const bound = spec.series.every((s) => s.scale && s.unit === unit) ? first?.scale : undefined;
  const payoff = spec.series.length === 1 && !banded ? first?.payoff : undefined;
  const dom = yDomain(
    spec.series.flatMap((s) => s.points.map((p) => p.y)),
    zero || Boolean(payoff),
    4,
    integer,
    bound,
  );
  const tickLabels = axisLabels(dom.ticks, unit);
  const left = Math.max(...tickLabels.map((l) => l.length)) * 7 + 14;
  const end = width - 14;
  // The projection takes the last third of the plot: an axis break, not 20 years of months.
  const right = payoff ? left + (end - left) * PAST_SHARE : end;
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
    end,
    ...(payoff ? { payoff } : {}),
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
