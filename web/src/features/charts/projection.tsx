import { monthShort } from '../../lib/format';
import type { Frame } from './frame';

/**
 * A paid-down balance's road to zero: a dashed line from the last recorded month to the payoff
 * month at the right edge, past an axis break (the years in between are not drawn to scale), with
 * the payoff month under its end.
 */
export function PayoffProjection({ f, from, color }: { f: Frame; from: readonly [number, number]; color: string }) {
  if (!f.payoff) return null;
  const zero = f.y(0);
  const gap = f.right + (f.end - f.right) * 0.12;
  const year = f.payoff.month.slice(0, 4);
  return (
    <g class="chart-projection" data-payoff={f.payoff.month}>
      <path
        class="chart-projection__line"
        d={`M${from[0].toFixed(1)},${from[1].toFixed(1)}L${f.end.toFixed(1)},${zero.toFixed(1)}`}
        style={{ stroke: color }}
      />
      <g class="chart-projection__break" aria-hidden="true">
        <line x1={gap - 3} x2={gap + 3} y1={f.bottom + 5} y2={f.bottom - 5} />
        <line x1={gap + 2} x2={gap + 8} y1={f.bottom + 5} y2={f.bottom - 5} />
      </g>
      <circle class="chart-projection__end" cx={f.end} cy={zero} r={4} style={{ stroke: color }} />
      {/* The month only: the card's head already says "Paid off by …", and a label here would sit on the line. */}
      <text class="chart-axes__x" x={f.end} y={f.height - 8} text-anchor="end">
        {`${monthShort(f.payoff.month)} ${year}`}
      </text>
    </g>
  );
}
