import { useRef } from 'preact/hooks';
import type { ModeSummary } from '../../api/contracts/mode';
import { getHealth } from './api/client';
import { isChartSpec } from './features/charts/chart-utils';
import { ChatPanel } from './features/chat/chat-panel';
import { metricIdsOf, tabIdOf } from './features/chat/tool-note';
import { type ChatHandlers, useChat } from './features/chat/use-chat';
import { Dashboard, DashboardSkeleton } from './features/dashboard/dashboard';
import { useDashboard } from './features/dashboard/use-dashboard';
import { AppHeader } from './features/header/app-header';
import { JobBanner } from './features/modes/job-banner';
import { Landing } from './features/modes/landing';
import { ModeTransition } from './features/modes/mode-transition';
import { NoticeBar } from './features/modes/notice-bar';
import { useJobWatch } from './features/modes/use-job-watch';
import { useModeState } from './features/modes/use-mode-state';
import { TabBar } from './features/tabs/tab-bar';
import { useFetch } from './lib/use-fetch';
import { useSession } from './lib/use-session';

/** Wires chat events to the mode, dashboard and job state, and lays out the three regions. */
export function App() {
  const session = useSession();
  const health = useFetch(getHealth, 15_000);
  const modes = useModeState(session.personaSeed);
  const dash = useDashboard();
  const newModeLabel = useRef('your new industry');
  const jobs = useJobWatch((mode, label) => void modes.switchTo(typeof mode === 'string' ? { id: mode, companyName: label } : mode));

  const handlers: ChatHandlers = {
    onTool(ev) {
      const result = (ev.result ?? {}) as Record<string, unknown>;
      if (ev.name === 'show_chart' && isChartSpec(result.chart)) dash.addChart(result.chart);
      else if (ev.name === 'select_tab') {
        const id = tabIdOf(ev);
        if (id) dash.selectTab(id);
      } else if (ev.name === 'show_metrics') dash.highlight(metricIdsOf(ev));
      else if (ev.name === 'switch_mode') {
        const args = (ev.args ?? {}) as { industry?: unknown; company_name?: unknown };
        const label = typeof args.company_name === 'string' ? args.company_name : args.industry;
        if (typeof label === 'string' && label) newModeLabel.current = label;
      }
    },
    onMode(mode, persona) {
      jobs.stop();
      dash.clear();
      void modes.switchTo(mode, persona);
    },
    onJob(ev) {
      if (/mode/i.test(ev.kind)) void jobs.watch(ev.jobId, ev.status, newModeLabel.current);
    },
  };
  const chat = useChat({ sessionId: session.sessionId, personaSeed: session.personaSeed, modeId: modes.requestModeId, handlers });

  const view = modes.view;
  const tab = view ? (view.mode.tabs.find((t) => t.id === dash.tabId) ?? view.mode.tabs[0]) : undefined;
  const newConversation = () => {
    chat.reset();
    dash.clear();
    jobs.stop();
    session.renew();
  };
  const pick = (m: ModeSummary) => {
    dash.clear();
    void modes.switchTo({ id: m.id, companyName: m.companyName, primaryColor: m.primaryColor });
  };

  return (
    <div class="app">
      <a href="#chat-input" class="skip-link">
        Skip to the assistant
      </a>
      <AppHeader
        mode={view?.mode ?? null}
        health={health.data}
        healthError={Boolean(health.error)}
        onNewConversation={newConversation}
        onHome={() => {
          newConversation();
          modes.reset();
        }}
      />
      <main class="workspace">
        <ChatPanel mode={view?.mode ?? null} bubbles={chat.bubbles} busy={chat.busy} status={chat.status} onSend={chat.send} onRetry={chat.retry} />
        <section class="stage" aria-label={view ? `${view.mode.companyName} dashboard` : 'Start'}>
          <div class="stage__scroll" tabIndex={0}>
            {modes.notice && <NoticeBar notice={modes.notice} onDismiss={modes.dismissNotice} />}
            {jobs.job && <JobBanner job={jobs.job} onRetry={chat.retry} onDismiss={jobs.stop} />}
            {view && tab ? (
              <Dashboard mode={view.mode} persona={view.persona} tab={tab} stage={dash.stage} highlighted={dash.highlighted} />
            ) : modes.booting ? (
              <DashboardSkeleton />
            ) : (
              <Landing onPick={pick} />
            )}
          </div>
          {view && tab && <TabBar tabs={view.mode.tabs} selectedId={tab.id} onSelect={dash.selectTab} />}
        </section>
      </main>
      {modes.transition && <ModeTransition t={modes.transition} />}
    </div>
  );
}
