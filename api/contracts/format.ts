import type { DatasetUnit, MetricFormat } from './mode';

// Intl.NumberFormat instances are built once, on first use: `toLocaleString` with options
// constructs a new formatter on every call (~0.1 ms each, the top cost of a chat turn), and
// building them at require time would add ~10 ms to every cold start.
let formatters: Record<'currency' | 'dollars' | 'oneDecimal' | 'twoDecimals' | 'whole', Intl.NumberFormat> | undefined;
function nf() {
  formatters ??= {
    currency: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }),
    dollars: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }),
    oneDecimal: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
    twoDecimals: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
    whole: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  };
  return formatters;
}

/**
 * One formatter for every number a user sees (KPI card, chart tooltip, chat answer), so the figure
 * the assistant says is character-for-character the one on the dashboard.
 */
export function formatValue(value: number, format: MetricFormat | DatasetUnit): string {
  const { oneDecimal, twoDecimals, whole } = nf();
  switch (format) {
    case 'currency':
    case 'USD':
      return money(value);
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'score':
    case 'points':
      return whole.format(Math.round(value));
    case 'days':
      return `${whole.format(Math.round(value))} days`;
    case 'kWh':
      return `${whole.format(Math.round(value))} kWh`;
    case 'miles':
      return `${whole.format(Math.round(value))} miles`;
    case 'count':
    case 'number':
      return twoDecimals.format(value);
  }
}

/**
 * Currency precision by magnitude, the one rule for KPI, axis, tooltip and chat text: cents under
 * $100 ($27.40), whole dollars up to $10k ($5,049), then $12.3k and $1.2M — a $290,215.26 balance
 * read to the cent on a dashboard is noise, not precision.
 */
export function money(value: number): string {
  const { currency, dollars } = nf();
  const abs = Math.abs(value);
  if (abs < 99.995) return currency.format(value);
  if (abs < 9999.5) return dollars.format(value);
  const sign = value < 0 ? '-' : '';
  const [scaled, suffix] = abs < 999_950 ? [abs / 1e3, 'k'] : [abs / 1e6, 'M'];
  return `${sign}$${nf().oneDecimal.format(scaled)}${suffix}`;
}

const byDecimals = new Map<number, Intl.NumberFormat>();
const fixed = (decimals: number) => {
  let f = byDecimals.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    byDecimals.set(decimals, f);
  }
  return f;
};

const SUFFIX: Record<string, string> = { percent: '%', USD: '', currency: '' };

/**
 * Labels for one axis's ticks in one format: the scale (none, k or M) is chosen by the largest tick
 * and the decimals by the step, so an axis never mixes "$5,000" with "$10k" or "1.5" with "2".
 */
export function axisLabels(ticks: readonly number[], unit: string): string[] {
  const top = Math.max(0, ...ticks.map((t) => Math.abs(t)));
  const [div, suffix] = top >= 1e6 ? [1e6, 'M'] : top >= 1e4 ? [1e3, 'k'] : [1, ''];
  const money = unit === 'USD' || unit === 'currency';
  // The fewest decimals (up to 2) that show every tick exactly; dollars below $10k show cents or none.
  const exact = (d: number) =>
    ticks.every((t) => Math.abs(Math.round((t / div) * 10 ** d) - (t / div) * 10 ** d) < 1e-6);
  const needed = [0, 1, 2].find(exact) ?? 2;
  const decimals = money && div === 1 && needed > 0 ? 2 : needed;
  const numbers = fixed(decimals);
  return ticks.map((t) => {
    if (t === 0) return `${money ? '$' : ''}0${SUFFIX[unit] ?? ''}`;
    const body = `${numbers.format(Math.abs(t) / div)}${suffix}${SUFFIX[unit] ?? ''}`;
    return `${t < 0 ? '-' : ''}${money ? '$' : ''}${body}`;
  });
}

/** What a KPI says about the last twelve months: nothing, a percentage, or the absolute change. */
export type Change = { direction: 'up' | 'down' | 'flat'; text: string } | null;

/** Below this base a percentage misleads ("↑100 %" for 1 → 2 visits): the absolute change is said instead. */
const TINY_BASE: Partial<Record<MetricFormat | DatasetUnit, number>> = { count: 20, number: 20, days: 20 };

/**
 * The change of a KPI over the year, by the data realism rules: a zero value or a zero base never
 * gets a percentage (the absolute change is shown, or nothing when both are zero); percentages and
 * scores change by points, not by a percentage of themselves; tiny counts by their count.
 */
export function changeOf(first: number, last: number, format: MetricFormat | DatasetUnit): Change {
  const delta = last - first;
  const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  if (first === 0 && last === 0) return null;
  const absolute = (): Change => {
    if (format === 'percent') return { direction, text: `${nf().oneDecimal.format(Math.abs(delta))} pts` };
    return { direction, text: formatValue(Math.abs(delta), format) };
  };
  if (format === 'percent' || format === 'score') return absolute();
  if (first === 0 || last === 0 || Math.abs(first) < (TINY_BASE[format] ?? 1)) return absolute();
  const pct = (delta / Math.abs(first)) * 100;
  return { direction, text: `${nf().oneDecimal.format(Math.abs(pct))}%` };
}
