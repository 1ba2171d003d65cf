import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ModeSummary } from '../../api/contracts/mode';
import { getHealth } from './api/client';
import { ChatPanel } from './features/chat/chat-panel';
import { ErrorBoundary } from './lib/error-boundary';
import { type ChatHandlers, useChat } from './features/chat/use-chat';
import { Dashboard, DashboardSkeleton } from './features/dashboard/dashboard';
import { useDashboard } from './features/dashboard/use-dashboard';
import { leadDatasets, leadOf } from './features/dashboard/lead-block';
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
      // The questions asked meanwhile are answered in the mode that just landed.
      chat.releaseHeld();
    },
    {
      // Issue #12: the new look lands while the dashboard is designed; a failure rolls it back.
      onBrand(brand, jobId, resumed) {
        dash.clear();
        if (!resumed) showStage();
        void modes.showBrand(brand, jobId, resumed);
      },
      onFailed(_jobId, why) {
        modes.dropBrand();
        const label = jobs.job?.brand?.companyName ?? jobs.job?.label ?? 'The new mode';
        const current = view?.mode.companyName ?? 'the current mode';
        chat.releaseHeld(why === 'failed' ? `${label} could not be made, so ${current} answers instead.` : undefined);
      },
    },
  );
  const chartArrived = () => {
    if (narrow() && pane === 'chat') setUnseen((n) => n + 1);
  };

  // The open tab's datasets, read when a chart arrives (handlers may outlive a render).
  const openTab = useRef<readonly string[]>([]);
  const handlers: ChatHandlers = {
    onTool(ev) {
      // A tool that failed changed nothing on screen; its note under the answer says so.
      if (!ev.ok) return;
      if (ev.name === 'show_chart') {
        dash.addChart(ev.result.chart, false, openTab.current);
        chartArrived();
      } else if (ev.name === 'make_chart_image') {
        dash.addChart(ev.result.chart, true);
        chartArrived();
      } else if (ev.name === 'select_tab') {
        dash.selectTab(ev.result.tab.id);
        showStage();
      } else if (ev.name === 'show_metrics') dash.highlight(ev.result.metrics.map((m) => m.id));
      else if (ev.name === 'switch_mode' && ev.result.status === 'generating') {
        // The server's sanitised request: what Retry sends to POST /api/modes, and the name shown meanwhile.
        const { requested, companyName, jobId } = ev.result;
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
      chat.releaseHeld();
    },
    onJob(ev) {
      if (ev.kind !== 'mode-generation') return;
      const request = jobRequests.current.get(ev.jobId) ?? {
        industry: ev.jobId.replace(/-+/g, ' '),
        companyName: null,
        label: 'your new mode',
      };
      // A design someone else started may already have its look (issue #12): painted without waiting for a poll.
      void jobs.watch(ev.jobId, ev.status, request, ev.brand ? { brand: ev.brand } : {});
    },
  };
  const chat = useChat({
    sessionId: session.sessionId,
    personaSeed: session.personaSeed,
    modeId: modes.currentModeId,
    handlers,
  });
  const voice = useVoice();

  const view = modes.view;
  const tab = view ? (view.mode.tabs.find((t) => t.id === dash.tabId) ?? view.mode.tabs[0]) : undefined;
  // What is on screen whatever the tab (the lead's chart) counts as shown too: highlighted, never copied.
  openTab.current = view && tab ? [...tab.datasetIds, ...leadDatasets(leadOf(view.mode, view.persona))] : [];
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
        modeId: modes.currentModeId,
        handlers,
        chat: chat.voice,
      })}
      conversationKey={`${view?.mode.id ?? modes.currentModeId()}|${session.sessionId}`}
      onClose={voice.close}
    />
  );
  const pick = (m: ModeSummary) => {
    enterMode(m.companyName, m.primaryColor);
    void modes.switchTo({ id: m.id, companyName: m.companyName, primaryColor: m.primaryColor });
    chat.releaseHeld();
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
    // A question asked while a new mode is designed waits for it (issue #12), shown as waiting; a
    // new "Presto-Change-O" command does not (it may replace the design), and voice never waits.
    const designing = jobs.job && jobs.job.status !== 'failed' ? (jobs.job.brand?.companyName ?? jobs.job.label) : null;
    if (designing && !chat.busy && !isCommand(text)) return chat.hold(text, `I'll answer as ${designing} in a moment.`);
    return chat.send(text);
  };

  return (
    <div
      class={`app${modes.transition ? (/reveal|wipe/.test(modes.transition.phase) ? ' is-revealing' : ' is-covering') : ''}`}
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
            designing={modes.brand?.mode.companyName}
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
                  onAction={(q) => chat.note(`${q.done} ${q.demoNote}`)}
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

/** "Presto-Change-O, you're …" (or just "Presto, …"): a command to become something, never held for the design in progress. */
const isCommand = (text: string) => /^\W*presto\b/i.test(text);

/** The phone layout (one pane at a time), as laid out by layout.css. */
const narrow = () => globalThis.matchMedia?.('(max-width: 860px)').matches ?? false;

const titleCase = (text: string) =>
  text.replace(/(^|\s)(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
