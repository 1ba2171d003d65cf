import { useEffect, useRef } from 'preact/hooks';
import { reveal } from '../../lib/scroll';
import { ChartCard } from '../charts/chart-card';
import { datasetKey, type StageChart } from './use-dashboard';

/**
 * Charts the assistant put on screen, newest first; scrolls into view when one arrives, or to the
 * card the assistant was asked for again (it is highlighted there, not copied).
 */
export function ChartStage({ charts, latest }: { charts: StageChart[]; latest: string | null }) {
  const ref = useRef<HTMLElement>(null);
  const newest = charts[0]?.key;
  const asked = charts.reduce((n, c) => n + c.asked, 0);
  const again = useRef<string | null>(null);
  useEffect(() => {
    if (newest) reveal(ref.current);
  }, [newest]);
  useEffect(() => {
    if (asked === 0) return;
    const card = ref.current?.querySelector(`[data-stage-key="${again.current}"]`);
    reveal(card ?? ref.current);
  }, [asked]);
  const previous = useRef(new Map<string, number>());
  for (const c of charts) if (c.asked > (previous.current.get(c.key) ?? 0)) again.current = c.key;
  previous.current = new Map(charts.map((c) => [c.key, c.asked]));
  if (charts.length === 0) return null;
  return (
    <section class="chart-stage" ref={ref} aria-label="Charts from the assistant">
      <h2 class="section-title">
        From your assistant <span class="section-title__count">{charts.length}</span>
      </h2>
      <div class={`chart-grid${charts.length === 1 ? ' chart-grid--solo' : ''}`}>
        {charts.map((c) => (
          <ChartCard
            key={c.key}
            stageKey={c.key}
            spec={c.spec}
            source="chat"
            fresh
            again={c.asked}
            illustrate={c.illustrate}
            latest={latest === datasetKey(c.spec)}
          />
        ))}
      </div>
    </section>
  );
}
