import { formatValue } from '../../../api/contracts/format';
import type { DatasetUnit, MetricFormat } from '../../../api/contracts/mode';

// Mirrors METRIC_FORMATS and DATASET_UNITS (api/contracts/mode.ts imports zod, so only its types come in).
const KNOWN = new Set<string>([
  'currency',
  'number',
  'percent',
  'score',
  'days',
  'USD',
  'count',
  'points',
  'kWh',
  'miles',
]);

/** formatValue for any unit string a chart or metric carries; unknown units fall back to plain numbers. */
export function fmt(value: number, unit: string): string {
  if (KNOWN.has(unit)) return formatValue(value, unit as MetricFormat | DatasetUnit);
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** One axis's tick labels in one format (see axisLabels): "$4,000 … $5,500" or "$5k … $20k", never a mix. */
export { axisLabels } from '../../../api/contracts/format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-03" → "Mar"; anything else is returned unchanged. */
export function monthShort(x: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(x);
  return m ? (MONTHS[Number(m[2]) - 1] ?? x) : x;
}

/** The figure's month under a chart's headline: "Dec 2026", or "Dec 2026 · month to date" for an unfinished flow. */
export function monthOfFigure(x: string, toDate: boolean | undefined): string {
  return toDate ? `${monthLong(x)} · month to date` : monthLong(x);
}

/** "2025-03" → "Mar 2025". */
export function monthLong(x: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(x);
  return m ? `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : x;
}

/** Year suffix for axis labels at January and at the first tick ("Jan ’25"). */
export function monthTick(x: string, first: boolean): string {
  const m = /^(\d{4})-(\d{2})/.exec(x);
  if (!m) return x;
  const short = MONTHS[Number(m[2]) - 1] ?? x;
  return first || m[2] === '01' ? `${short} ’${m[1]?.slice(2)}` : short;
}
