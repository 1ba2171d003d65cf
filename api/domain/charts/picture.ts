import { chartSeriesOf } from '../../contracts/chart-series';
import { formatValue } from '../../contracts/format';
import type { ChartType, DatasetUnit, Mode } from '../../contracts/mode';
import type { Persona, Point } from '../../contracts/persona';
import type { ChartSeries, ChartSpec } from '../../contracts/tools';
import { BadRequest } from '../errors';

/** An illustrated chart shows the same year the dashboard's tab charts show. */
export const CHART_IMAGE_MONTHS = 12;
/** A one-series pie shows this many recent months, like the dashboard's pie (web PIE_MONTHS). */
export const PIE_MONTHS = 6;

/** A chart series (with its scale, month-to-date flag and payoff) whose unit is a dataset's. */
export interface PictureSeries extends ChartSeries {
  unit: DatasetUnit;
  points: Point[];
}

/**
 * Everything needed to draw one chart, for the image model's prompt and the local renderer alike:
 * the persona's own numbers (never invented), the mode's theme and names.
 */
export interface ChartPicture {
  title: string;
  companyName: string;
  type: ChartType;
  series: PictureSeries[];
  colors: { primary: string; background: string; surface: string; text: string; muted: string; series: string[] };
}

/** The datasets, in the order asked, once each; unknown ids are the caller's mistake (400). */
export function pictureDatasets(mode: Mode, datasetIds: readonly string[]): string[] {
  const ids = [...new Set(datasetIds)];
  const unknown = ids.filter((id) => !mode.datasets.some((d) => d.id === id));
  if (unknown.length > 0) {
    const valid = mode.datasets.map((d) => d.id).join(', ');
    throw new BadRequest(`No dataset ${unknown.join(', ')} in ${mode.name}. Valid ids: ${valid}.`, 'unknown_dataset');
  }
  return ids;
}

/**
 * The chart for (mode, persona, datasets): one series in its dataset's default style, several as
 * lines — the same choice the dashboard and the offline engine make.
 */
export function buildChartPicture(mode: Mode, persona: Persona, datasetIds: readonly string[]): ChartPicture {
  const ids = pictureDatasets(mode, datasetIds);
  const datasets = ids.map((id) => mode.datasets.find((d) => d.id === id)!);
  const series = datasets.map((d): PictureSeries => ({
    ...chartSeriesOf(d, persona.series[d.id] ?? [], CHART_IMAGE_MONTHS),
    unit: d.unit,
  }));
  const { theme } = mode;
  return {
    title: datasets
      .map((d) => d.label)
      .join(' vs ')
      .slice(0, 80),
    companyName: mode.companyName,
    type: datasets.length === 1 ? datasets[0]!.defaultChart : 'line',
    series,
    colors: {
      primary: theme.primary,
      background: theme.background,
      surface: theme.surface,
      text: theme.text,
      muted: theme.muted,
      series: theme.chart,
    },
  };
}

/** The ChartSpec the dashboard draws for the same picture (make_chart_image shows it beside the image). */
export function chartSpecOf(picture: ChartPicture): ChartSpec {
  return {
    type: picture.type,
    title: picture.title,
    series: picture.series.map((s) => ({ ...s, points: [...s.points] })),
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-03" → "March 2025". */
export function monthName(x: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(x);
  return m ? `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : x;
}

/** "January 2025 to December 2025", or one month. */
export function periodOf(picture: ChartPicture): string {
  const points =
    picture.type === 'pie' && picture.series.length === 1
      ? picture.series[0]!.points.slice(-PIE_MONTHS)
      : (picture.series[0]?.points ?? []);
  const first = points[0]?.x;
  const last = points.at(-1)?.x;
  if (!first || !last) return '';
  return first === last ? monthName(first) : `${monthName(first)} to ${monthName(last)}`;
}

/**
 * The img alt text: what is drawn and its figures — each series' latest value with its low and
 * high — so a screen reader hears the numbers the picture shows, not just "a chart".
 */
export function altText(picture: ChartPicture): string {
  const parts = picture.series.map((s) => {
    const last = s.points.at(-1);
    if (!last) return `${s.label}: no data`;
    const low = s.points.reduce((a, p) => (p.y < a.y ? p : a));
    const high = s.points.reduce((a, p) => (p.y > a.y ? p : a));
    const f = (v: number) => formatValue(v, s.unit);
    return `${s.label} ${f(last.y)} in ${monthName(last.x)} (low ${f(low.y)} in ${monthName(low.x)}, high ${f(high.y)} in ${monthName(high.x)})`;
  });
  const text = `Illustrated ${picture.type} chart of ${picture.title} for ${picture.companyName}, ${periodOf(picture)}: ${parts.join('; ')}.`;
  return text.length <= 600 ? text : `${text.slice(0, 597)}…`;
}
