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

/** Short axis-tick label ($12.5k, 1.2M, 45%); exact figures always use fmt. */
export function compact(value: number, unit: string): string {
  const abs = Math.abs(value);
  const num =
    abs >= 1e6
      ? `${trim(value / 1e6)}M`
      : abs >= 1e4
        ? `${trim(value / 1e3)}k`
        : value.toLocaleString('en-US', { maximumFractionDigits: abs < 10 ? 1 : 0 });
  if (unit === 'USD' || unit === 'currency') return value < 0 ? `-$${num.slice(1)}` : `$${num}`;
  if (unit === 'percent') return `${num}%`;
  return num;
}

const trim = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) < 100 ? 1 : 0 });

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-03" → "Mar"; anything else is returned unchanged. */
export function monthShort(x: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(x);
  return m ? (MONTHS[Number(m[2]) - 1] ?? x) : x;
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
