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
import { type JobRequest, useJobWatch } from './features/modes/use-job-watch';
import { useModeState } from './features/modes/use-mode-state';
import { TabBar } from './features/tabs/tab-bar';
import { useVoice } from './features/voice/use-voice';
import { voiceHost } from './features/voice/voice-host';
import { useFetch } from './lib/use-fetch';
import { useSession } from './lib/use-session';

/** Wires chat events to the mode, dashboard and job state, and lays out the three regions. */
export function App() {
  const session = useSession();
  const health = useFetch(getHealth, 15_000);
  const modes = useModeState(session.personaSeed);
  const dash = useDashboard();
  const jobRequests = useRef(new Map<string, JobRequest>());
  const jobs = useJobWatch((modeId, label) => {
    dash.clear();
    void modes.switchTo({ id: modeId, companyName: label });
  });

  const handlers: ChatHandlers = {
    onTool(ev) {
      const result = (ev.result ?? {}) as Record<string, unknown>;
      if (ev.name === 'show_chart' && isChartSpec(result.chart)) dash.addChart(result.chart);
      else if (ev.name === 'make_chart_image' && isChartSpec(result.chart)) dash.addChart(result.chart, true);
      else if (ev.name === 'select_tab') {
        const id = tabIdOf(ev);
        if (id) dash.selectTab(id);
      } else if (ev.name === 'show_metrics') dash.highlight(metricIdsOf(ev));
      else if (ev.name === 'switch_mode' && result.status === 'generating') {
        // The server's sanitised request: what Retry sends to POST /api/modes, and the name shown meanwhile.
        const { requested, companyName, jobId } = result as {
          requested: string;
          companyName: string | null;
          jobId: string;
        };
        jobRequests.current.set(jobId, {
          industry: requested,
          companyName,
          label: companyName ?? titleCase(requested),
        });
      }
    },
    onMode(mode, persona) {
      jobs.stop();
      dash.clear();
      void modes.switchTo(mode, persona);
    },
    onJob(ev) {
      if (ev.kind !== 'mode-generation') return;
      const request = jobRequests.current.get(ev.jobId) ?? {
        industry: ev.jobId.replace(/-+/g, ' '),
        companyName: null,
        label: 'your new mode',
      };
      void jobs.watch(ev.jobId, ev.status, request);
    },
  };
  const chat = useChat({
    sessionId: session.sessionId,
    personaSeed: session.personaSeed,
    modeId: modes.requestModeId,
    handlers,
  });
  const voice = useVoice();

  const view = modes.view;
  const tab = view ? (view.mode.tabs.find((t) => t.id === dash.tabId) ?? view.mode.tabs[0]) : undefined;
  const newConversation = () => {
    chat.reset();
    dash.clear();
    jobs.stop();
    session.renew();
  };
  // Voice shares the chat's conversation: same session, mode, persona, handlers and history.
  const voiceBar = voice.Panel && (
    <voice.Panel
      host={voiceHost({
        sessionId: session.sessionId,
        personaSeed: session.personaSeed,
        modeId: modes.requestModeId,
        handlers,
        chat: chat.voice,
      })}
      conversationKey={`${view?.mode.id ?? modes.requestModeId.current}|${session.sessionId}`}
      onClose={voice.close}
    />
  );
  const pick = (m: ModeSummary) => {
    jobs.stop();
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
        onPickMode={pick}
        voice={{ pressed: voice.on, onToggle: voice.toggle, problem: voice.problem, hint: voice.loadError }}
      />
      <main class="workspace">
        <ChatPanel
          mode={view?.mode ?? null}
          bubbles={chat.bubbles}
          busy={chat.busy}
          status={chat.status}
          onSend={chat.send}
          onRetry={chat.retry}
          voiceBar={voiceBar}
        />
        <section class="stage" aria-label={view ? `${view.mode.companyName} dashboard` : 'Start'}>
          <div class="stage__scroll" tabIndex={0}>
            {modes.notice && <NoticeBar notice={modes.notice} onDismiss={modes.dismissNotice} />}
            {jobs.job && <JobBanner job={jobs.job} onRetry={() => void jobs.retry()} onDismiss={jobs.stop} />}
            {view && tab ? (
              <Dashboard
                mode={view.mode}
                persona={view.persona}
                tab={tab}
                stage={dash.stage}
                highlighted={dash.highlighted}
              />
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

const titleCase = (text: string) =>
  text.replace(/(^|\s)(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
