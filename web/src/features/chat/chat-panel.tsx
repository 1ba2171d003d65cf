import type { ComponentChildren } from 'preact';
import type { Mode } from '../../../../api/contracts/mode';
import { Icon } from '../../lib/icon';
import { ChatComposer } from './chat-composer';
import { MessageList } from './message-list';
import { suggestionsFor } from './suggestion-list';
import { Suggestions } from './suggestions';
import type { Bubble } from './use-chat';

interface Props {
  mode: Mode | null;
  bubbles: Bubble[];
  busy: boolean;
  status: string | null;
  onSend: (text: string) => boolean;
  onRetry: () => void;
  /** The live voice controls, when voice is on. */
  voiceBar?: ComponentChildren;
  /**
   * The company whose brand is on screen while its dashboard is designed (issue #12): questions
   * typed now are held and answered by it, so the panel already speaks in its name.
   */
  designing?: string | undefined;
}

/** Left column: the assistant conversation, starter prompts and the message box. */
export function ChatPanel({ mode, bubbles, busy, status, onSend, onRetry, voiceBar, designing }: Props) {
  const name = designing ?? mode?.companyName;
  const empty = bubbles.length === 0;
  const asked = bubbles.flatMap((b) => (b.kind === 'user' ? [b.text] : []));
  return (
    <section class="chat-panel" id="chat-panel" aria-label="Assistant">
      <header class="chat-panel__head">
        <span class="chat-panel__avatar" aria-hidden="true">
          <Icon name="sparkle" size={18} />
        </span>
        <div>
          <h2 class="chat-panel__title">{name ? `${name} assistant` : 'Presto-Change-O'}</h2>
          <p class="chat-panel__sub" data-testid="chat-panel-sub">
            {designing
              ? 'Getting ready: ask away, answers come once it is'
              : mode
                ? 'Ask about anything on your dashboard'
                : 'Say the magic words to begin'}
          </p>
        </div>
      </header>
      <div class="chat-panel__scroll" tabIndex={0}>
        {empty && (
          <div class="chat-empty">
            <p class="chat-empty__lead">
              {mode
                ? `I'm your ${mode.companyName} assistant. Ask about anything on screen: I'll answer and put the chart on your dashboard.`
                : 'Tell me which industry to become, and this whole page will transform to match.'}
            </p>
          </div>
        )}
        <MessageList bubbles={bubbles} busy={busy} status={status} onRetry={onRetry} />
        {/* The old mode's suggestions would be answered by the new one: none until it has landed. */}
        {!busy && !designing && (
          <Suggestions items={suggestionsFor(mode, asked)} disabled={busy} compact={!empty} onPick={(s) => onSend(s)} />
        )}
      </div>
      {voiceBar}
      <ChatComposer
        busy={busy}
        onSend={onSend}
        placeholder={name ? `Ask ${name} anything…` : "Try “Presto-Change-O, you're a bank”"}
      />
    </section>
  );
}
