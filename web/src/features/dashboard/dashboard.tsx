import type { Mode, Tab } from '../../../../api/contracts/mode';
import type { Persona } from '../../../../api/contracts/persona';
import { ChartStage } from './chart-stage';
import { KpiGrid } from './kpi-grid';
import { TabCharts } from './tab-charts';
import type { LatestChart, StageChart } from './use-dashboard';
import { WelcomeBanner } from './welcome-banner';
import { useMemo } from 'preact/hooks';
import { IllustrateContext } from '../illustrate/illustrate-context';

interface Props {
  mode: Mode;
  persona: Persona;
  tab: Tab;
  stage: StageChart[];
  /** The assistant's latest chart, on stage or pointed at in the open tab. */
  latest: LatestChart | null;
  highlighted: string[];
}

/** Centre column for a mode: greeting, KPI cards, the assistant's charts, then the open tab. */
export function Dashboard({ mode, persona, tab, stage, latest, highlighted }: Props) {
  // What every chart card's Illustrate button asks POST /api/charts for (issue #6).
  const target = useMemo(() => ({ modeId: mode.id, personaSeed: persona.seed }), [mode.id, persona.seed]);
  return (
    <IllustrateContext.Provider value={target}>
      <div class="dashboard" key={mode.id}>
        <WelcomeBanner mode={mode} persona={persona} />
        <KpiGrid mode={mode} persona={persona} highlighted={highlighted} />
        <ChartStage charts={stage} latest={latest?.where === 'stage' ? latest.key : null} />
        <TabCharts mode={mode} persona={persona} tab={tab} asked={latest?.where === 'tab' ? latest : null} />
      </div>
    </IllustrateContext.Provider>
  );
}

/** Placeholder while a stored mode is restored on load. */
export function DashboardSkeleton() {
  return (
    <div class="dashboard" aria-busy="true" aria-label="Loading your dashboard">
      <div class="skeleton skeleton--banner" />
      <div class="kpi-grid">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} class="skeleton skeleton--kpi" />
        ))}
      </div>
      <div class="chart-grid">
        <div class="skeleton skeleton--chart" />
        <div class="skeleton skeleton--chart" />
      </div>
    </div>
  );
}
