import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ModeSummary } from '../../api/contracts/mode';
import { getHealth } from './api/client';
import { isChartSpec } from './features/charts/chart-utils';
import { ChatPanel } from './features/chat/chat-panel';
import { ErrorBoundary } from './lib/error-boundary';
import { metricIdsOf, tabIdOf } from './features/chat/tool-note';
import { type ChatHandlers, useChat } from './features/chat/use-chat';
import { Dashboard, DashboardSkeleton } from './features/dashboard/dashboard';
import { useDashboard } from './features/dashboard/use-dashboard';
import { AppHeader } from './features/header/app-header';
import { BrandSkeleton } from './features/modes/brand-skeleton';
import { JobBanner } from './features/modes/job-banner';
import { Landing } from './features/modes/landing';
import { ModeTransition } from './features/modes/mode-transition';
import { NoticeBar } from './features/modes/notice-bar';
import { type JobRequest, useJobWatch } from './features/modes/use-job-watch';
import { useModeState } from './features/modes/use-mode-state';
import { HelpPanel } from './features/help/help-panel';
import { PaneSwitch, type Pane } from './features/layout/pane-switch';
import { TabBar } from './features/tabs/tab-bar';
import { useVoice } from './features/voice/use-voice';
import { voiceHost } from './features/voice/voice-host';
import { useFetch } from './lib/use-fetch';
import { reveal } from './lib/scroll';
import { useSession } from './lib/use-session';
import { useShortcuts } from './lib/use-shortcuts';

/** Wires chat events to the mode, dashboard and job state, and lays out the three regions. */
export function App() {
  const session = useSession();
  const health = useFetch(getHealth, 15_000);
  const modes = useModeState(session.personaSeed);
  const dash = useDashboard();
  const jobRequests = useRef(new Map<string, JobRequest>());
  // Phones show one pane at a time; `unseen` counts charts that arrived while the assistant was in front.
  const [pane, setPane] = useState<Pane>('chat');
  const [unseen, setUnseen] = useState(0);
  const [modesOpen, setModesOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const showStage = useCallback(() => {
    setPane('stage');
    setUnseen(0);
  }, []);
  /** A mode arrives: divider in the conversation, fresh stage, dashboard in front (phones). */
  const enterMode = (companyName: string, primary?: string) => {
    jobs.stop();
    dash.clear();
    chat.divide(companyName, primary);
    showStage();
  };
  const jobs = useJobWatch(
    (modeId, label) => {
      // The mode whose brand is on screen keeps its name; it fills in where it stands (no second sweep).
      const name = modes.brand?.id === modeId ? modes.brand.mode.companyName : label;
      enterMode(name);
      void modes.switchTo({ id: modeId, companyName: name });
    },
    {
      // Issue #12: the new look lands while the dashboard is designed; a failure rolls it back.
      onBrand(brand, jobId) {
        dash.clear();
        showStage();
        void modes.showBrand(brand, jobId);
      },
      onFailed: () => modes.dropBrand(),
    },
  );
  const chartArrived = () => {
    if (narrow() && pane === 'chat') setUnseen((n) => n + 1);
  };

  // The open tab's datasets, read when a chart arrives (handlers may outlive a render).
  const openTab = useRef<readonly string[]>([]);
  const handlers: ChatHandlers = {
    onTool(ev) {
      const result = (ev.result ?? {}) as Record<string, unknown>;
      if (ev.name === 'show_chart' && isChartSpec(result.chart)) {
        dash.addChart(result.chart, false, openTab.current);
        chartArrived();
      } else if (ev.name === 'make_chart_image' && isChartSpec(result.chart)) {
        dash.addChart(result.chart, true);
        chartArrived();
      } else if (ev.name === 'select_tab') {
        const id = tabIdOf(ev);
        if (id) {
          dash.selectTab(id);
          showStage();
        }
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
      enterMode(mode.companyName, mode.theme.primary);
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
  openTab.current = tab?.datasetIds ?? [];
  const newConversation = () => {
    chat.reset();
    setUnseen(0);
    dash.clear();
    jobs.stop();
    modes.dropBrand();
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
    enterMode(m.companyName, m.primaryColor);
    void modes.switchTo({ id: m.id, companyName: m.companyName, primaryColor: m.primaryColor });
  };
  useShortcuts({
    modes: () => {
      setHelpOpen(false);
      setModesOpen((o) => !o);
    },
    help: () => {
      setModesOpen(false);
      setHelpOpen(true);
    },
  });
  // Back on the dashboard with new charts: the assistant's latest (on stage or in the tab) is what
  // the presenter came to see.
  useEffect(() => {
    if (pane !== 'stage') return;
    requestAnimationFrame(() =>
      reveal(document.querySelector('[data-assistant="latest"]') ?? document.querySelector('.chart-stage')),
    );
  }, [pane]);
  const say = (text: string) => {
    if (narrow()) setPane('chat');
    return chat.send(text);
  };

  return (
    <div
      class={`app${modes.transition ? (modes.transition.phase === 'reveal' ? ' is-revealing' : ' is-covering') : ''}`}
    >
      <a href="#chat-input" class="skip-link">
        Skip to the assistant
      </a>
      <AppHeader
        mode={modes.brand?.mode ?? view?.mode ?? null}
        health={health.data}
        healthError={Boolean(health.error)}
        onNewConversation={newConversation}
        onHome={() => {
          newConversation();
          modes.reset();
        }}
        onPickMode={pick}
        modesOpen={modesOpen}
        onModesOpenChange={setModesOpen}
        onHelp={() => setHelpOpen(true)}
        voice={{ pressed: voice.on, onToggle: voice.toggle, problem: voice.problem, hint: voice.loadError }}
      />
      <PaneSwitch
        pane={pane}
        unseen={unseen}
        hasMode={Boolean(view || modes.brand)}
        onChat={() => setPane('chat')}
        onStage={showStage}
      />
      <main class="workspace" data-pane={pane}>
        <ErrorBoundary label="The assistant">
          <ChatPanel
            mode={view?.mode ?? null}
            bubbles={chat.bubbles}
            busy={chat.busy}
            status={chat.status}
            onSend={say}
            onRetry={chat.retry}
            voiceBar={voiceBar}
          />
        </ErrorBoundary>
        <section class="stage" id="stage" aria-label={view ? `${view.mode.companyName} dashboard` : 'Start'}>
          <div class="stage__scroll" tabIndex={0}>
            {modes.notice && <NoticeBar notice={modes.notice} onDismiss={modes.dismissNotice} />}
            {jobs.job && (
              <JobBanner
                job={jobs.job}
                onRetry={() => void jobs.retry()}
                onDismiss={() => {
                  jobs.stop();
                  modes.dropBrand();
                }}
              />
            )}
            <ErrorBoundary label="The dashboard" resetKey={`${view?.mode.id ?? ''}/${tab?.id ?? ''}`}>
              {modes.brand ? (
                <BrandSkeleton mode={modes.brand.mode} />
              ) : view && tab ? (
                <Dashboard
                  mode={view.mode}
                  persona={view.persona}
                  tab={tab}
                  stage={dash.stage}
                  latest={dash.latest}
                  highlighted={dash.highlighted}
                />
              ) : modes.booting ? (
                <DashboardSkeleton />
              ) : (
                <Landing onPick={pick} />
              )}
            </ErrorBoundary>
          </div>
          {modes.brand ? (
            <TabBar tabs={modes.brand.mode.tabs} selectedId={modes.brand.mode.tabs[0]!.id} onSelect={() => undefined} />
          ) : (
            view && tab && <TabBar tabs={view.mode.tabs} selectedId={tab.id} onSelect={dash.selectTab} />
          )}
        </section>
      </main>
      {modes.transition && <ModeTransition t={modes.transition} />}
      <HelpPanel
        open={helpOpen}
        mode={view?.mode ?? null}
        busy={chat.busy}
        onClose={() => setHelpOpen(false)}
        onSay={(text) => void say(text)}
      />
    </div>
  );
}

/** The phone layout (one pane at a time), as laid out by layout.css. */
const narrow = () => globalThis.matchMedia?.('(max-width: 860px)').matches ?? false;

const titleCase = (text: string) =>
  text.replace(/(^|\s)(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
