import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../../lib/icon';
import { RichText } from './rich-text';
import type { Bubble } from './use-chat';

interface Props {
  bubbles: Bubble[];
  busy: boolean;
  /** Transient server progress such as "busy, retrying…", shown next to the typing dots. */
  status?: string | null;
  onRetry: () => void;
}

/** The conversation: user and assistant bubbles, tool chips, typing dots and error bubbles. */
export function MessageList({ bubbles, busy, status, onRetry }: Props) {
  const end = useRef<HTMLDivElement>(null);
  const last = bubbles[bubbles.length - 1];
  const waiting = busy && last?.kind === 'assistant' && last.streaming && !last.text;
  // What was said before the latest switch belongs to the previous brand: shown, but set apart.
  const lastDivider = bubbles.reduce((at, b, i) => (b.kind === 'divider' ? i : at), -1);
  // Scroll the chat's own scroller (scrollIntoView would also scroll the page on narrow layouts), at
  // the next frame: reading scrollHeight lays the page out, and an effect may run in the middle of
  // the next render (Preact flushes a component's pending effects before it renders again), which
  // in a mode switch laid the half-updated page out once more before the new mode's first frame.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const scroller = end.current?.closest('.chat-panel__scroll');
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [bubbles, waiting]);

  return (
    <div class="chat-log" role="log" aria-live="polite" aria-relevant="additions text" aria-label="Conversation">
      {bubbles.map((b, i) => {
        const earlier = i < lastDivider ? ' is-earlier' : '';
        if (b.kind === 'divider') {
          return (
            <div
              key={b.id}
              class={`chat-divider${earlier}${i === lastDivider ? ' is-latest' : ''}`}
              data-testid="chat-divider"
              role="separator"
              aria-label={`Now ${b.companyName}`}
              style={b.primary ? { '--divider': b.primary } : undefined}
            >
              <span>Now {b.companyName}</span>
            </div>
          );
        }
        if (b.kind === 'error') {
          return (
            <div key={b.id} class={`msg msg--error${earlier}`} data-testid="chat-error" role="alert">
              <Icon name="alert" size={18} />
              <div>
                <p>{b.message}</p>
                {/* No Retry where it cannot help now: a filtered prompt, a bad request, a daily limit. */}
                {b.retryable && (
                  <button type="button" class="btn btn--small btn--outline" data-testid="chat-retry" onClick={onRetry}>
                    <Icon name="refresh" size={16} /> Retry
                  </button>
                )}
              </div>
            </div>
          );
        }
        if (b.kind === 'user') {
          return (
            <div key={b.id} class={`msg msg--user${earlier}`}>
              <div
                class={`bubble bubble--user${b.pending ? ' is-listening' : ''}`}
                data-testid="chat-message"
                data-role="user"
                data-voice={b.voice ? 'true' : undefined}
              >
                {/* Azure sends no partial transcripts (docs/pitfalls.md 2.5): "listening…" until the final one. */}
                {b.pending ? <span data-testid="voice-listening">listening…</span> : b.text}
              </div>
              {b.held && (
                <p class={`msg__held msg__held--${b.held.state}`} data-testid="held-question" data-state={b.held.state}>
                  {b.held.state === 'waiting' ? (
                    <span class="spinner spinner--small" aria-hidden="true" />
                  ) : (
                    <Icon name="alert" size={14} />
                  )}
                  {b.held.note}
                </p>
              )}
            </div>
          );
        }
        if (!b.text && b.notes.length === 0) return null;
        return (
          <div key={b.id} class={`msg msg--assistant${earlier}`}>
            {b.text && (
              <div
                class={`bubble bubble--assistant${b.streaming ? ' is-streaming' : ''}`}
                data-testid="chat-message"
                data-role="assistant"
                data-voice={b.voice ? 'true' : undefined}
                data-interrupted={b.interrupted ? 'true' : undefined}
              >
                <RichText text={b.text} />
              </div>
            )}
            {b.notes.length > 0 && (
              <ul class="tool-notes" aria-label="Actions taken">
                {b.notes.map((n) => (
                  <li key={n.id} class="tool-note">
                    <Icon name={n.icon} size={14} />
                    {n.label}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {waiting && (
        <div class="msg msg--assistant" data-testid="typing-indicator" aria-label="Assistant is typing" role="status">
          <div class="typing">
            <span />
            <span />
            <span />
          </div>
          {status && (
            <span class="typing__status" data-testid="chat-status">
              {status}
            </span>
          )}
        </div>
      )}
      <div ref={end} />
    </div>
  );
}
