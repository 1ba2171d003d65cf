import type { ChartSeries, ChartSpec } from '../../../../api/contracts/tools';
import { fmt, monthLong } from '../../lib/format';

/** Theme chart colour i, as a CSS variable set from mode.theme.chart (cycled). */
export const seriesColor = (i: number) => `var(--chart-${(i % 8) + 1})`;

export const lastPoint = (s: ChartSeries) => s.points[s.points.length - 1];

/** What a screen reader hears for a chart: its title and every series' latest value. */
export function describe(spec: ChartSpec): string {
  const parts = spec.series.map((s) => {
    const p = lastPoint(s);
    return p ? `${s.label} ${fmt(p.y, s.unit)} in ${monthLong(p.x)}` : `${s.label} has no data`;
  });
  return `${spec.title} (${spec.type} chart). Latest: ${parts.join('; ')}.`;
}

/** The month axis shared by all series: the longest series' x values, oldest first. */
export function monthsOf(spec: ChartSpec): string[] {
  let best: string[] = [];
  for (const s of spec.series) if (s.points.length > best.length) best = s.points.map((p) => p.x);
  return best;
}

/** Series are right-aligned on the month axis: their last point is the current month. */
export const offsetOf = (s: ChartSeries, count: number) => count - s.points.length;

/** "Dec 2024 – Nov 2025" for a chart's range. */
export function periodOf(spec: ChartSpec): string {
  const months = monthsOf(spec);
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return '';
  return first === last ? monthLong(first) : `${monthLong(first)} – ${monthLong(last)}`;
}
