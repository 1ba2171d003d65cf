import { useEffect, useRef } from 'preact/hooks';
import type { Mode } from '../../../../api/contracts/mode';
import type { Persona } from '../../../../api/contracts/persona';
import { reveal } from '../../lib/scroll';
import { KpiCard } from './kpi-card';

/** The mode's four KPI cards, bound to the persona's fields; highlighted cards scroll into view. */
export function KpiGrid({ mode, persona, highlighted }: { mode: Mode; persona: Persona; highlighted: string[] }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (highlighted.length > 0) reveal(ref.current);
  }, [highlighted]);
  return (
    <section class="kpi-grid" aria-label="Key figures" ref={ref}>
      {mode.metrics.map((m) => {
        const field = mode.persona.fields.find((f) => f.path === m.personaPath);
        const datasetId = field && 'dataset' in field ? field.dataset : undefined;
        return (
          <KpiCard
            key={`${mode.id}-${m.id}`}
            metric={m}
            value={persona.fields[m.personaPath]}
            trend={datasetId ? persona.series[datasetId] : undefined}
            showChange={Boolean(field && 'stat' in field && field.stat === 'last')}
            highlighted={highlighted.includes(m.id)}
          />
        );
      })}
    </section>
  );
}
