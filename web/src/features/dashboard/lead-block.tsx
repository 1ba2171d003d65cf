import type { Mode } from '../../../../api/contracts/mode';
import type { Persona } from '../../../../api/contracts/persona';
import type { ChartSpec } from '../../../../api/contracts/tools';
import { ChartCard } from '../charts/chart-card';
import { ListCard } from './list-card';

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

/** The lead of the dashboard: a bank's recent transactions, an airline's trips, a utility's usage chart. */
export function LeadBlock({ mode, persona, lead }: { mode: Mode; persona: Persona; lead: Lead }) {
  const list = lead.listId ? persona.lists?.find((l) => l.id === lead.listId) : undefined;
  if (list) return <ListCard list={list} lead />;
  const ds = lead.datasetId ? mode.datasets.find((d) => d.id === lead.datasetId) : undefined;
  const points = ds ? persona.series[ds.id] : undefined;
  if (!ds || !points) return null;
  const spec: ChartSpec = {
    type: ds.defaultChart,
    title: ds.label,
    series: [{ datasetId: ds.id, label: ds.label, unit: ds.unit, points: points.slice(-LEAD_MONTHS) }],
  };
  return (
    <div class="lead-chart" data-testid="lead-chart">
      <ChartCard spec={spec} source="tab" />
    </div>
  );
}
