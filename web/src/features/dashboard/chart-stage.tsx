import { useEffect, useRef } from 'preact/hooks';
import { reveal } from '../../lib/scroll';
import { ChartCard } from '../charts/chart-card';
import type { StageChart } from './use-dashboard';

/** Charts the assistant put on screen, newest first; scrolls into view when one arrives. */
export function ChartStage({ charts }: { charts: StageChart[] }) {
  const ref = useRef<HTMLElement>(null);
  const newest = charts[0]?.key;
  useEffect(() => {
    if (newest) reveal(ref.current);
  }, [newest]);
  if (charts.length === 0) return null;
  return (
    <section class="chart-stage" ref={ref} aria-label="Charts from the assistant">
      <h2 class="section-title">
        From your assistant <span class="section-title__count">{charts.length}</span>
      </h2>
      <div class={`chart-grid${charts.length === 1 ? ' chart-grid--solo' : ''}`}>
        {charts.map((c) => (
          <ChartCard key={c.key} spec={c.spec} source="chat" fresh illustrate={c.illustrate} />
        ))}
      </div>
    </section>
  );
}
