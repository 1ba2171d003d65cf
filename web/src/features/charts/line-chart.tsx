import { useId, useState } from 'preact/hooks';
import type { ChartSpec } from '../../../../api/contracts/tools';
import { Axes } from './axes';
import { describe, lastPoint, offsetOf, seriesColor } from './chart-utils';
import { makeFrame } from './frame';
import { Crosshair, HoverCapture, Tooltip } from './hover';
import { PayoffProjection } from './projection';

/** Line or area chart; every series draws itself in, areas rise from the baseline. */
export function LineChart({ spec, width, area }: { spec: ChartSpec; width: number; area: boolean }) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [hover, setHover] = useState<number | null>(null);
  const f = makeFrame(spec, width, false, area);
  const n = f.months.length;
  const base = f.y(Math.max(f.dom.lo, Math.min(0, f.dom.hi)));
  return (
    <div class="chart-plot">
      <svg
        role="img"
        aria-label={describe(spec)}
        width={f.width}
        height={f.height}
        viewBox={`0 0 ${f.width} ${f.height}`}
      >
        {area && (
          <defs>
            {spec.series.map((_, i) => (
              <linearGradient key={i} id={`${uid}-g${i}`} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0" style={{ stopColor: seriesColor(i), stopOpacity: 0.32 }} />
                <stop offset="1" style={{ stopColor: seriesColor(i), stopOpacity: 0.02 }} />
              </linearGradient>
            ))}
          </defs>
        )}
        <Axes f={f} />
        {spec.series.map((s, i) => {
          const off = offsetOf(s, n);
          const pts = s.points.map((p, j) => [f.x(j + off), f.y(p.y)] as const);
          const line = pts.map(([x, y], j) => `${j ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
          const first = pts[0];
          const end = pts[pts.length - 1];
          const last = lastPoint(s);
          return (
            <g
              key={s.datasetId}
              class="chart-series"
              data-dataset-id={s.datasetId}
              data-last={last ? String(last.y) : ''}
            >
              {area && first && end && (
                <path
                  class="chart-area"
                  d={`${line}L${end[0].toFixed(1)},${base}L${first[0].toFixed(1)},${base}Z`}
                  fill={`url(#${uid}-g${i})`}
                />
              )}
              <path class="chart-line" d={line} pathLength={1} style={{ stroke: seriesColor(i) }} />
              {end && <PayoffProjection f={f} from={end} color={seriesColor(i)} />}
              {end && <circle class="chart-dot" cx={end[0]} cy={end[1]} r={4.5} style={{ fill: seriesColor(i) }} />}
              {hover !== null && pts[hover - off] && (
                <circle
                  class="chart-hover-dot"
                  cx={pts[hover - off]![0]}
                  cy={pts[hover - off]![1]}
                  r={4}
                  style={{ stroke: seriesColor(i) }}
                />
              )}
            </g>
          );
        })}
        <Crosshair f={f} index={hover} />
        <HoverCapture f={f} banded={false} onIndex={setHover} />
      </svg>
      <Tooltip spec={spec} f={f} index={hover} />
    </div>
  );
}
