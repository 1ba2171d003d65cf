import type { ChartSpec } from '../../../../api/contracts/tools';
import { fmt, monthLong, monthOfFigure } from '../../lib/format';
import { BarChart } from './bar-chart';
import { lastPoint, periodOf, seriesColor } from './chart-utils';
import { LineChart } from './line-chart';
import { PIE_MONTHS, PieChart } from './pie-chart';
import { useWidth } from './use-width';
import { useIllustrate } from '../illustrate/use-illustrate';

interface Props {
  spec: ChartSpec;
  source: 'chat' | 'tab';
  /** Newly arrived from the assistant: plays the highlight ring once. */
  fresh?: boolean;
  /** Start illustrating at once (the assistant called make_chart_image). */
  illustrate?: boolean;
  /** How many times the assistant asked for this card again: each one replays the highlight. */
  again?: number;
  stageKey?: string;
  /** The assistant's latest chart (on stage, or the tab's card it pointed at): `data-assistant="latest"`. */
  latest?: boolean;
}

/** A titled card holding one chart, its headline figure and (for several series) a legend. */
export function ChartCard({ spec, source, fresh, illustrate, again = 0, stageKey, latest }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const ill = useIllustrate(spec, illustrate);
  const single = spec.series.length === 1 ? spec.series[0] : undefined;
  const last = single ? lastPoint(single) : undefined;
  return (
    <figure
      // Alternating animation names restart the ring on every ask, on the same card.
      class={`card chart-card${fresh ? ' chart-card--fresh' : ''}${again > 0 ? ` chart-card--again-${again % 2}` : ''}`}
      data-testid="chart"
      data-stage-key={stageKey}
      data-asked-again={again > 0 ? String(again) : undefined}
      data-chart-type={spec.type}
      data-dataset-ids={spec.series.map((s) => s.datasetId).join(',')}
      data-source={source}
      data-assistant={latest ? 'latest' : source === 'chat' ? 'shown' : undefined}
    >
      <figcaption class="chart-card__head">
        <div>
          <h3 class="chart-card__title">{spec.title}</h3>
          <p class="chart-card__period">
            {periodOf(
              single && spec.type === 'pie'
                ? { ...spec, series: [{ ...single, points: single.points.slice(-PIE_MONTHS) }] }
                : spec,
            )}
          </p>
          {single?.payoff && spec.type !== 'pie' && spec.type !== 'bar' && (
            <p class="chart-card__payoff" data-testid="payoff">
              Paid off by {monthLong(single.payoff.month)} at about {fmt(single.payoff.monthly, single.unit)} a month
            </p>
          )}
        </div>
        {single && last && spec.type !== 'pie' && (
          <div class="chart-card__figure">
            <strong>{fmt(last.y, single.unit)}</strong>
            <span>{monthOfFigure(last.x, single.toDate)}</span>
          </div>
        )}
      </figcaption>
      <div class="chart-card__body" ref={ref} hidden={ill.covering}>
        {width > 0 && <ChartBody spec={spec} width={width} />}
      </div>
      {ill.panel}
      {spec.series.length > 1 && spec.type !== 'pie' && (
        <ul class="chart-legend">
          {spec.series.map((s, i) => {
            const p = lastPoint(s);
            return (
              <li key={s.datasetId}>
                <span class="swatch" style={{ background: seriesColor(i) }} />
                {s.label}
                {p && <strong>{fmt(p.y, s.unit)}</strong>}
              </li>
            );
          })}
        </ul>
      )}
      {ill.button && <div class="chart-card__actions">{ill.button}</div>}
    </figure>
  );
}

function ChartBody({ spec, width }: { spec: ChartSpec; width: number }) {
  if (spec.series.every((s) => s.points.length === 0))
    return <p class="chart-card__empty">No data for this period yet.</p>;
  switch (spec.type) {
    case 'bar':
      return <BarChart spec={spec} width={width} />;
    case 'pie':
      return <PieChart spec={spec} width={width} />;
    case 'area':
      return <LineChart spec={spec} width={width} area />;
    default:
      return <LineChart spec={spec} width={width} area={false} />;
  }
}
