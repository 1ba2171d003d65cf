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
}

/** Left column: the assistant conversation, starter prompts and the message box. */
export function ChatPanel({ mode, bubbles, busy, status, onSend, onRetry, voiceBar }: Props) {
  const empty = bubbles.length === 0;
  const asked = bubbles.flatMap((b) => (b.kind === 'user' ? [b.text] : []));
  return (
    <section class="chat-panel" id="chat-panel" aria-label="Assistant">
      <header class="chat-panel__head">
        <span class="chat-panel__avatar" aria-hidden="true">
          <Icon name="sparkle" size={18} />
        </span>
        <div>
          <h2 class="chat-panel__title">{mode ? `${mode.companyName} assistant` : 'Presto-Change-O'}</h2>
          <p class="chat-panel__sub">
            {mode ? 'Ask about anything on your dashboard' : 'Say the magic words to begin'}
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
        {!busy && (
          <Suggestions items={suggestionsFor(mode, asked)} disabled={busy} compact={!empty} onPick={(s) => onSend(s)} />
        )}
      </div>
      {voiceBar}
      <ChatComposer
        busy={busy}
        onSend={onSend}
        placeholder={mode ? `Ask ${mode.companyName} anything…` : "Try “Presto-Change-O, you're a bank”"}
      />
    </section>
  );
}
