import { useState } from 'preact/hooks';
import type { ChartSpec } from '../../../../api/contracts/tools';
import { Axes } from './axes';
import { describe, lastPoint, offsetOf, seriesColor } from './chart-utils';
import { makeFrame } from './frame';
import { HoverCapture, Tooltip } from './hover';

/** Grouped bar chart; bars grow from the zero line in a short stagger. */
export function BarChart({ spec, width }: { spec: ChartSpec; width: number }) {
  const [hover, setHover] = useState<number | null>(null);
  const f = makeFrame(spec, width, true, true);
  const n = f.months.length;
  const k = spec.series.length;
  const group = f.band * 0.72;
  const barW = Math.max(2, Math.min(30, group / k - (k > 1 ? 2 : 0)));
  const zero = f.y(Math.max(f.dom.lo, Math.min(0, f.dom.hi)));
  return (
    <div class="chart-plot">
      <svg
        role="img"
        aria-label={describe(spec)}
        width={f.width}
        height={f.height}
        viewBox={`0 0 ${f.width} ${f.height}`}
      >
        <Axes f={f} />
        {hover !== null && (
          <rect
            class="chart-band"
            x={f.x(hover) - f.band / 2}
            y={f.top}
            width={f.band}
            height={f.bottom - f.top}
            aria-hidden="true"
          />
        )}
        {spec.series.map((s, si) => {
          const off = offsetOf(s, n);
          const last = lastPoint(s);
          const dx = (si - (k - 1) / 2) * (barW + (k > 1 ? 2 : 0));
          return (
            <g
              key={s.datasetId}
              class="chart-series"
              data-dataset-id={s.datasetId}
              data-last={last ? String(last.y) : ''}
              style={{ fill: seriesColor(si) }}
            >
              {s.points.map((p, j) => {
                const y = f.y(p.y);
                const top = Math.min(y, zero);
                const h = Math.max(1, Math.abs(zero - y));
                return (
                  <rect
                    key={p.x}
                    class={p.y < 0 ? 'chart-bar chart-bar--neg' : 'chart-bar'}
                    x={f.x(j + off) + dx - barW / 2}
                    y={top}
                    width={barW}
                    height={h}
                    rx={Math.min(4, barW / 3)}
                    style={{ animationDelay: `${(j + off) * 35}ms` }}
                  />
                );
              })}
            </g>
          );
        })}
        <HoverCapture f={f} banded onIndex={setHover} />
      </svg>
      <Tooltip spec={spec} f={f} index={hover} />
    </div>
  );
}
