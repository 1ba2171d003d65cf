import type { ChartSpec } from '../../../../api/contracts/tools';
import { fmt, monthLong } from '../../lib/format';
import { describe, lastPoint, seriesColor } from './chart-utils';

/** A one-series pie shows this many recent months (more slices stop being readable). */
export const PIE_MONTHS = 6;

interface Slice {
  key: string;
  label: string;
  value: number;
  unit: string;
}

/**
 * Donut chart. Several series: one slice per series (its latest value). One series: one slice
 * per recent month, so "show my spending as a pie" still reads sensibly.
 */
export function PieChart({ spec, width }: { spec: ChartSpec; width: number }) {
  const multi = spec.series.length > 1;
  const only = spec.series[0];
  const slices: Slice[] = multi
    ? spec.series.map((s) => ({
        key: s.datasetId,
        label: s.label,
        value: Math.max(0, lastPoint(s)?.y ?? 0),
        unit: s.unit,
      }))
    : (only?.points.slice(-PIE_MONTHS) ?? []).map((p) => ({
        key: p.x,
        label: monthLong(p.x),
        value: Math.max(0, p.y),
        unit: only?.unit ?? '',
      }));
  const total = slices.reduce((a, s) => a + s.value, 0) || 1;
  const size = Math.min(190, Math.max(150, width * 0.4));
  const r = size / 2 - 18;
  let acc = 0;
  const arcs = slices.map((s, i) => {
    const pct = (s.value / total) * 100;
    const arc = { ...s, i, pct, start: acc };
    acc += pct;
    return arc;
  });
  const circle = (a: (typeof arcs)[number]) => (
    <circle
      key={a.key}
      class="chart-slice"
      cx={size / 2}
      cy={size / 2}
      r={r}
      pathLength={100}
      style={{
        stroke: seriesColor(a.i),
        strokeDasharray: `${Math.max(0, a.pct - 0.4)} ${100 - Math.max(0, a.pct - 0.4)}`,
        strokeDashoffset: -a.start,
        animationDelay: `${a.i * 90}ms`,
      }}
    />
  );
  const centre = multi ? null : only && lastPoint(only);
  return (
    <div class="chart-pie">
      <svg role="img" aria-label={describe(spec)} width={size} height={size} viewBox={`0 0 ${size} ${size}`}>
        <g transform={`rotate(-90 ${size / 2} ${size / 2})`}>
          {multi
            ? arcs.map((a) => {
                const s = spec.series[a.i]!;
                return (
                  <g
                    key={a.key}
                    class="chart-series"
                    data-dataset-id={s.datasetId}
                    data-last={String(lastPoint(s)?.y ?? '')}
                  >
                    {circle(a)}
                  </g>
                );
              })
            : only && (
                <g class="chart-series" data-dataset-id={only.datasetId} data-last={String(lastPoint(only)?.y ?? '')}>
                  {arcs.map(circle)}
                </g>
              )}
        </g>
        {centre && (
          <text class="chart-pie__centre" x={size / 2} y={size / 2} dy="0.35em" text-anchor="middle" aria-hidden="true">
            {fmt(centre.y, only?.unit ?? '')}
          </text>
        )}
      </svg>
      <ul class="chart-pie__legend">
        {arcs.map((a) => (
          <li key={a.key}>
            <span class="swatch" style={{ background: seriesColor(a.i) }} />
            <span class="chart-pie__label">{a.label}</span>
            <span class="chart-pie__value">{fmt(a.value, a.unit)}</span>
            <span class="chart-pie__pct">{Math.round(a.pct)}%</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
