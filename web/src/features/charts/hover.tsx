import type { ChartSpec } from '../../../../api/contracts/tools';
import { fmt, monthLong, monthOfFigure } from '../../lib/format';
import { offsetOf, seriesColor } from './chart-utils';
import { type Frame, indexAt } from './frame';

interface CaptureProps {
  f: Frame;
  banded: boolean;
  onIndex: (i: number | null) => void;
}

/** Transparent plot-sized rect that reports the month under the pointer. */
export function HoverCapture({ f, banded, onIndex }: CaptureProps) {
  const move = (e: PointerEvent) => {
    const svg = (e.currentTarget as SVGRectElement).ownerSVGElement;
    if (!svg) return;
    onIndex(indexAt(f, e.clientX - svg.getBoundingClientRect().left, banded));
  };
  return (
    <rect
      class="chart-hover"
      x={f.left}
      y={f.top}
      width={Math.max(0, f.right - f.left)}
      height={Math.max(0, f.bottom - f.top)}
      fill="transparent"
      onPointerMove={move}
      onPointerDown={move}
      onPointerLeave={() => onIndex(null)}
    />
  );
}

/** Crosshair line drawn inside the SVG at the hovered month. */
export function Crosshair({ f, index }: { f: Frame; index: number | null }) {
  if (index === null) return null;
  const x = f.x(index);
  return <line class="chart-crosshair" x1={x} x2={x} y1={f.top} y2={f.bottom} aria-hidden="true" />;
}

/** HTML tooltip over the chart with the hovered month's exact values. */
export function Tooltip({ spec, f, index }: { spec: ChartSpec; f: Frame; index: number | null }) {
  if (index === null) return null;
  const month = f.months[index];
  if (!month) return null;
  const x = f.x(index);
  const flip = x > f.width * 0.6;
  return (
    <div
      class="chart-tooltip"
      style={{ left: `${x}px`, transform: flip ? 'translateX(calc(-100% - 12px))' : 'translateX(12px)' }}
      aria-hidden="true"
    >
      <div class="chart-tooltip__month">
        {index === f.months.length - 1
          ? monthOfFigure(
              month,
              spec.series.some((s) => s.toDate),
            )
          : monthLong(month)}
      </div>
      {spec.series.map((s, si) => {
        const p = s.points[index - offsetOf(s, f.months.length)];
        return p ? (
          <div class="chart-tooltip__row" key={s.datasetId}>
            <span class="swatch" style={{ background: seriesColor(si) }} />
            <span class="chart-tooltip__label">{s.label}</span>
            <strong>{fmt(p.y, s.unit)}</strong>
          </div>
        ) : null;
      })}
    </div>
  );
}
