import { useEffect, useRef } from 'preact/hooks';
import type { Mode, Tab } from '../../../../api/contracts/mode';
import type { Persona } from '../../../../api/contracts/persona';
import { chartSeriesOf } from '../../../../api/contracts/chart-series';
import type { ChartSpec } from '../../../../api/contracts/tools';
import { reveal } from '../../lib/scroll';
import { ChartCard } from '../charts/chart-card';
import type { Lead } from './lead-block';
import { ListCard } from './list-card';
import type { LatestChart } from './use-dashboard';

const TAB_MONTHS = 12;

interface Props {
  mode: Mode;
  persona: Persona;
  tab: Tab;
  /** What the dashboard's lead already shows: left out here, unless the tab would then be empty. */
  lead?: Lead;
  /** The assistant asked for a chart this tab already shows: that card is brought into view and highlighted. */
  asked: LatestChart | null;
}

/**
 * The selected tab's panel: its lists (a Transfers tab shows the transfers sent), then one chart per
 * dataset it names, in the dataset's default style. What the dashboard's lead already shows is left
 * out, unless the tab would then be empty.
 */
export function TabCharts({ mode, persona, tab, lead = {}, asked }: Props) {
  const ref = useRef<HTMLElement>(null);
  const shown = useRef(tab.id);
  useEffect(() => {
    // Only a tab change scrolls (first render and mode switches keep the page at the top).
    if (shown.current !== tab.id) reveal(ref.current, 'start');
    shown.current = tab.id;
  }, [tab.id]);
  useEffect(() => {
    if (!asked) return;
    reveal(ref.current?.querySelector(`[data-dataset-ids="${asked.key}"]`) ?? ref.current);
  }, [asked?.key, asked?.asked]);
  const allLists = (tab.listIds ?? []).flatMap((id) => persona.lists?.filter((l) => l.id === id) ?? []);
  const lists = allLists.filter((l) => l.id !== lead.listId);
  const ids = tab.datasetIds.filter((id) => id !== lead.datasetId);
  const shownIds = ids.length || lists.length ? ids : tab.datasetIds;
  const specs: ChartSpec[] = shownIds.flatMap((id) => {
    const ds = mode.datasets.find((d) => d.id === id);
    const points = persona.series[id];
    if (!ds || !points) return [];
    return [
      {
        type: ds.defaultChart,
        title: ds.label,
        series: [chartSeriesOf(ds, points, TAB_MONTHS)],
      },
    ];
  });
  return (
    <section class="tab-panel" id="tab-panel" ref={ref} role="tabpanel" aria-labelledby={`tab-${tab.id}`} tabIndex={-1}>
      <h2 class="section-title">{tab.label}</h2>
      {lists.length > 0 && (
        <div class={`list-grid${lists.length === 1 ? ' list-grid--solo' : ''}`}>
          {lists.map((l) => (
            <ListCard key={`${mode.id}-${tab.id}-${l.id}`} list={l} />
          ))}
        </div>
      )}
      {specs.length === 0 ? (
        lists.length === 0 && <p class="empty-note">Nothing to chart on this tab yet.</p>
      ) : (
        <div class={`chart-grid${specs.length === 1 ? ' chart-grid--solo' : ''}`}>
          {specs.map((s) => (
            <ChartCard
              key={`${mode.id}-${tab.id}-${s.series[0]?.datasetId}`}
              spec={s}
              source="tab"
              {...(asked && asked.key === s.series[0]?.datasetId ? { again: asked.asked, latest: true } : {})}
            />
          ))}
        </div>
      )}
    </section>
  );
}
