import type { Mode } from '../../../../api/contracts/mode';
import type { Persona } from '../../../../api/contracts/persona';
import { chartSeriesOf } from '../../../../api/contracts/chart-series';
import type { ChartSpec } from '../../../../api/contracts/tools';
import { useEffect, useRef } from 'preact/hooks';
import { reveal } from '../../lib/scroll';
import { ChartCard } from '../charts/chart-card';
import { ListCard } from './list-card';
import type { LatestChart } from './use-dashboard';

const LEAD_MONTHS = 12;

/** What the dashboard leads with, by the mode's emphasis: its first list, or its headline chart. */
export interface Lead {
  listId?: string;
  datasetId?: string;
}

export function leadOf(mode: Mode, persona: Persona): Lead {
  if (mode.lead === 'chart') {
    const id = mode.tabs[0]?.datasetIds[0];
    return id && persona.series[id] ? { datasetId: id } : {};
  }
  const first = persona.lists?.find((l) => l.items.length > 0);
  return mode.lead === 'list' && first ? { listId: first.id } : {};
}

/** The datasets on screen whatever the open tab: the lead's headline chart, if it leads with one. */
export const leadDatasets = (lead: Lead): string[] => (lead.datasetId ? [lead.datasetId] : []);

interface Props {
  mode: Mode;
  persona: Persona;
  lead: Lead;
  /** The assistant asked for the lead's chart: it is brought into view and highlighted, never copied. */
  asked?: LatestChart | null;
}

/** The lead of the dashboard: a bank's recent transactions, an airline's trips, a utility's usage chart. */
export function LeadBlock({ mode, persona, lead, asked = null }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asked) reveal(ref.current);
  }, [asked?.key, asked?.asked]);
  const list = lead.listId ? persona.lists?.find((l) => l.id === lead.listId) : undefined;
  if (list) return <ListCard list={list} lead />;
  const ds = lead.datasetId ? mode.datasets.find((d) => d.id === lead.datasetId) : undefined;
  const points = ds ? persona.series[ds.id] : undefined;
  if (!ds || !points) return null;
  // The same series as every other chart of it (scale, month to date, payoff): api/contracts/chart-series.ts.
  const spec: ChartSpec = { type: ds.defaultChart, title: ds.label, series: [chartSeriesOf(ds, points, LEAD_MONTHS)] };
  return (
    <div class="lead-chart" data-testid="lead-chart" ref={ref}>
      <ChartCard spec={spec} source="tab" {...(asked ? { again: asked.asked, latest: true } : {})} />
    </div>
  );
}
