import type { DatasetUnit, MetricFormat } from './mode';

// Intl.NumberFormat instances are built once, on first use: `toLocaleString` with options
// constructs a new formatter on every call (~0.1 ms each, the top cost of a chat turn), and
// building them at require time would add ~10 ms to every cold start.
let formatters: Record<'currency' | 'oneDecimal' | 'twoDecimals' | 'whole', Intl.NumberFormat> | undefined;
function nf() {
  formatters ??= {
    currency: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }),
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
  const { currency, oneDecimal, twoDecimals, whole } = nf();
  switch (format) {
    case 'currency':
    case 'USD':
      return currency.format(value);
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
