import type { Metric } from '../../../../api/contracts/mode';
import type { Point } from '../../../../api/contracts/persona';
import { changeOf } from '../../../../api/contracts/format';
import { fmt } from '../../lib/format';
import { Icon } from '../../lib/icon';

interface Props {
  metric: Metric;
  value: number | undefined;
  /** The dataset behind the metric, when the persona template ties it to one. */
  trend?: Point[];
  /** Show "vs last year" only when the value is the series' latest point (not a 12-month sum or average). */
  showChange: boolean;
  highlighted: boolean;
}

/** One KPI: icon, label, exact value (formatValue) and, when known, a 12-month sparkline. */
export function KpiCard({ metric, value, trend, showChange, highlighted }: Props) {
  const points = trend?.slice(-12) ?? [];
  const first = points[0]?.y;
  const last = points[points.length - 1]?.y;
  // The data realism rules (no "↓100 %" on $0.00, no "↑100 %" on 1 → 2 visits) live in changeOf.
  const change = showChange && first !== undefined && last !== undefined ? changeOf(first, last, metric.format) : null;
  return (
    <article
      class={`card kpi${highlighted ? ' is-highlighted' : ''}`}
      data-testid="kpi-card"
      data-metric-id={metric.id}
      data-highlighted={highlighted ? 'true' : undefined}
    >
      <div class="kpi__top">
        <span class="kpi__icon" aria-hidden="true">
          <Icon name={metric.icon} size={18} />
        </span>
        <h3 class="kpi__label">{metric.label}</h3>
      </div>
      <p class="kpi__value" data-testid="kpi-value">
        {value === undefined ? '—' : fmt(value, metric.format)}
      </p>
      {points.length > 1 && (
        <div class="kpi__foot">
          <Sparkline points={points} />
          {change && (
            <span class="kpi__change" data-testid="kpi-change">
              {change.direction !== 'flat' && <Icon name={change.direction} size={13} />}
              <span class="sr-only">{change.direction === 'flat' ? 'unchanged' : change.direction}</span>
              {change.direction === 'flat' ? 'Same as last year' : `${change.text} vs last year`}
            </span>
          )}
        </div>
      )}
    </article>
  );
}

function Sparkline({ points }: { points: Point[] }) {
  const w = 100;
  const h = 28;
  const ys = points.map((p) => p.y);
  const min = Math.min(...ys);
  const span = Math.max(...ys) - min || 1;
  const d = points
    .map(
      (p, i) =>
        `${i ? 'L' : 'M'}${((i / (points.length - 1)) * (w - 4) + 2).toFixed(1)},${(h - 3 - ((p.y - min) / span) * (h - 6)).toFixed(1)}`,
    )
    .join('');
  return (
    <svg class="sparkline" height={h} viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" aria-hidden="true">
      <path d={d} pathLength={1} />
    </svg>
  );
}
