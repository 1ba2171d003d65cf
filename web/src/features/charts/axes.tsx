import { monthTick } from '../../lib/format';
import type { Frame } from './frame';
import { labelEvery } from './scale';

/** Horizontal grid with y labels, and month labels along the bottom. */
export function Axes({ f }: { f: Frame }) {
  const every = labelEvery(f.months.length, f.right - f.left);
  const last = f.months.length - 1;
  return (
    <g class="chart-axes" aria-hidden="true">
      {f.dom.ticks.map((t, i) => (
        <g key={t}>
          <line
            class={t === 0 ? 'chart-axes__zero' : 'chart-axes__grid'}
            x1={f.left}
            x2={f.end}
            y1={f.y(t)}
            y2={f.y(t)}
          />
          <text class="chart-axes__y" x={f.left - 8} y={f.y(t)} dy="0.32em" text-anchor="end">
            {f.tickLabels[i]}
          </text>
        </g>
      ))}
      {f.months.map((m, i) =>
        (last - i) % every === 0 ? (
          <text key={m} class="chart-axes__x" x={f.x(i)} y={f.height - 8} text-anchor={anchor(f, i)}>
            {monthTick(m, i < every)}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** Keep the first and last labels inside the plot instead of clipping at the SVG edge. */
function anchor(f: Frame, i: number): 'start' | 'middle' | 'end' {
  const x = f.x(i);
  if (x - f.left < 20 && f.band < 40) return 'start';
  if (f.right - x < 20 && f.band < 40) return 'end';
  return 'middle';
}
