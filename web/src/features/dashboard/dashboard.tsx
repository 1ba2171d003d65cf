import type { Mode, Tab } from '../../../../api/contracts/mode';
import type { Persona } from '../../../../api/contracts/persona';
import { ChartStage } from './chart-stage';
import { KpiGrid } from './kpi-grid';
import { TabCharts } from './tab-charts';
import type { LatestChart, StageChart } from './use-dashboard';
import { WelcomeBanner } from './welcome-banner';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ActionQuote } from '../../../../api/contracts/persona';
import { ActionBar } from '../actions/action-bar';
import { IllustrateContext } from '../illustrate/illustrate-context';
import { LeadBlock, leadOf } from './lead-block';

interface Props {
  mode: Mode;
  persona: Persona;
  tab: Tab;
  stage: StageChart[];
  /** The assistant's latest chart, on stage or pointed at in the open tab. */
  latest: LatestChart | null;
  highlighted: string[];
  /** A demo action was confirmed: the assistant notes it in the conversation. */
  onAction?: (quote: ActionQuote) => void;
}

/**
 * Centre column for a mode, in the order its industry leads with: greeting and primary actions,
 * then a list (a bank's transactions, an airline's trips) or the headline chart (an energy
 * supplier's usage) before the KPI cards — or the KPIs first — then the assistant's charts and the
 * open tab, which leaves out what the lead already shows.
 */
export function Dashboard({ mode, persona, tab, stage, latest, highlighted, onAction }: Props) {
  // What every chart card's Illustrate button asks POST /api/charts for (issue #6).
  const target = useMemo(() => ({ modeId: mode.id, personaSeed: persona.seed }), [mode.id, persona.seed]);
  const lead = leadOf(mode, persona);
  const kpis = <KpiGrid mode={mode} persona={persona} highlighted={highlighted} />;
  // A chart the assistant pointed at on screen: the lead's headline chart, or one of the open tab's.
  const asked = latest?.where === 'tab' ? latest : null;
  const askedLead = asked && asked.key === lead.datasetId ? asked : null;
  const below = useAfterFirstPaint(mode.id);
  return (
    <IllustrateContext.Provider value={target}>
      <div
        class={`dashboard dashboard--lead-${mode.lead ?? 'figures'}`}
        key={mode.id}
        data-lead={mode.lead ?? 'figures'}
      >
        <WelcomeBanner mode={mode} persona={persona} />
        <ActionBar actions={persona.actions ?? []} onDone={(q) => onAction?.(q)} />
        {lead.listId || lead.datasetId ? (
          <div class="lead-row">
            <LeadBlock mode={mode} persona={persona} lead={lead} asked={askedLead} />
            {kpis}
          </div>
        ) : (
          kpis
        )}
        <ChartStage charts={stage} latest={latest?.where === 'stage' ? latest.key : null} />
        {below ? (
          <TabCharts mode={mode} persona={persona} tab={tab} lead={lead} asked={askedLead ? null : asked} />
        ) : (
          <section class="tab-panel" id="tab-panel" role="tabpanel" aria-labelledby={`tab-${tab.id}`} aria-busy="true">
            <h2 class="section-title">{tab.label}</h2>
          </section>
        )}
      </div>
    </IllustrateContext.Provider>
  );
}

/**
 * False until a mode's first frame has been painted, then true: the open tab's panel sits below
 * the fold (under the lead row and KPIs at 1280×720 and on phones) and is a third of the
 * dashboard's elements and most of its charts, so a new mode's first frame — the one the
 * transformation waits for — is put on without it. It follows a frame or two later, under the
 * wave, where it is still invisible: it enters last, 0.3 s in (layout.css `.app.is-revealing
 * .dashboard > :nth-child(n + 3)`). Preact runs effects in a task after the next frame
 * (https://preactjs.com/guide/v10/hooks/#useeffect), which in a view transition can be the
 * snapshot's frame rather than the first one painted, so the effect waits one more frame.
 */
function useAfterFirstPaint(key: string): boolean {
  const [painted, setPainted] = useState<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(key), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [key]);
  return painted === key;
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
