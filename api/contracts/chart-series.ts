import type { Dataset } from './mode';
import type { Point } from './persona';
import type { ChartSeries } from './tools';

/** The scale a dataset's values live on: percentages 0–100, a score its own range; none for open-ended values. */
export function scaleOf(d: Dataset): ChartSeries['scale'] {
  if (d.unit === 'percent') return { min: 0, max: 100 };
  if (d.kind === 'score') return d.series.max <= 100 ? { min: 0, max: 100 } : { min: d.series.min, max: d.series.max };
  return undefined;
}

/** "2026-12" plus 3 months → "2027-03". */
export function addMonths(month: string, n: number): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) return month;
  const total = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/**
 * When a balance being paid down reaches zero at its pace over the last twelve months; undefined
 * for anything that is not paid down (a deductible met grows, a walk wanders).
 */
export function payoffOf(d: Dataset, points: readonly Point[]): ChartSeries['payoff'] {
  if (d.series.shape !== 'burndown' || d.series.drift >= 0) return undefined;
  const recent = points.slice(-13);
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (!first || !last || recent.length < 2 || last.y <= 0) return undefined;
  const monthly = (first.y - last.y) / (recent.length - 1);
  if (!(monthly > 0)) return undefined;
  return { month: addMonths(last.x, Math.ceil(last.y / monthly)), monthly: Math.round(monthly * 100) / 100 };
}

/**
 * The one way a dataset becomes a chart series (assistant charts, tab charts, chart images): the
 * last `months` points with the dataset's scale, its month-to-date flag and its payoff projection.
 */
export function chartSeriesOf(d: Dataset, all: readonly Point[], months = all.length): ChartSeries {
  const series: ChartSeries = {
    datasetId: d.id,
    label: d.label,
    unit: d.unit,
    points: all.slice(-Math.max(1, Math.floor(months))),
  };
  const scale = scaleOf(d);
  if (scale) series.scale = scale;
  if (d.kind === 'flow' || d.kind === 'count') series.toDate = true;
  const payoff = payoffOf(d, all);
  if (payoff) series.payoff = payoff;
  return series;
}
