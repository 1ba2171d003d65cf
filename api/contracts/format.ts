import type { DatasetUnit, MetricFormat } from './mode';

/**
 * One formatter for every number a user sees (KPI card, chart tooltip, chat answer), so the figure
 * the assistant says is character-for-character the one on the dashboard.
 */
export function formatValue(value: number, format: MetricFormat | DatasetUnit): string {
  switch (format) {
    case 'currency':
    case 'USD':
      return value.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
    case 'percent':
      return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
    case 'score':
    case 'points':
      return Math.round(value).toLocaleString('en-US');
    case 'days':
      return `${Math.round(value).toLocaleString('en-US')} days`;
    case 'kWh':
      return `${Math.round(value).toLocaleString('en-US')} kWh`;
    case 'miles':
      return `${Math.round(value).toLocaleString('en-US')} miles`;
    case 'count':
    case 'number':
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}
