import type { DatasetUnit, MetricFormat } from './mode';

// Intl.NumberFormat instances are built once: `toLocaleString` with options constructs a new
// formatter on every call (~0.1 ms each), which showed up as the top cost of a chat turn.
const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * One formatter for every number a user sees (KPI card, chart tooltip, chat answer), so the figure
 * the assistant says is character-for-character the one on the dashboard.
 */
export function formatValue(value: number, format: MetricFormat | DatasetUnit): string {
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
