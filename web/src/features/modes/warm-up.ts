import { axisLabels, formatValue } from '../../../../api/contracts/format';

/**
 * Builds the shared number formatters (api/contracts/format.ts) while the page is idle. They are
 * made on first use, and the first `Intl.NumberFormat` of a page loads the locale's data: ~25 ms
 * of the first dashboard's render, which is inside the transformation's view-transition update
 * when the first mode comes from the chat (profiled with `npm run bench`'s mode-paint run).
 */
export function warmFormatters(): void {
  formatValue(1, 'currency');
  formatValue(1, 'percent');
  // The fixed-decimal axis formatters, 0 to 2 places.
  axisLabels([0, 0.5, 1], 'number');
  axisLabels([0, 0.25, 0.5], 'number');
  axisLabels([0, 1, 2], 'number');
}
