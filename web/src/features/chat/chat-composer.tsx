import { useRef, useState } from 'preact/hooks';
import { Icon } from '../../lib/icon';

/** Mirrors MAX_MESSAGE_CHARS in api/contracts/chat.ts. */
const MAX_CHARS = 4000;

interface Props {
  busy: boolean;
  placeholder: string;
  onSend: (text: string) => boolean;
}

/** Message box: Enter sends, Shift+Enter adds a line; grows with its content up to a few lines. */
export function ChatComposer({ busy, placeholder, onSend }: Props) {
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);

  const resize = () => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 160)}px`;
  };
  const submit = () => {
    if (busy || !text.trim()) return;
    if (onSend(text)) {
      setText('');
      // Back to one row without measuring: reading scrollHeight would lay the whole page out at
      // once, just as the answer (maybe a new mode) starts to arrive.
      if (area.current) area.current.style.height = '';
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label for="chat-input" class="sr-only">
        Message the assistant
      </label>
      <textarea
        id="chat-input"
        ref={area}
        class="composer__input"
        data-testid="chat-input"
        rows={1}
        maxLength={MAX_CHARS}
        value={text}
        placeholder={placeholder}
        aria-describedby="chat-input-hint"
        onInput={(e) => {
          setText(e.currentTarget.value);
          resize();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <button
        type="submit"
        class="btn btn--primary composer__send"
        data-testid="chat-send"
        disabled={busy || !text.trim()}
        aria-label="Send message"
      >
        <Icon name="send" size={18} />
      </button>
      <p id="chat-input-hint" class="composer__hint">
        Enter to send · Shift+Enter for a new line
      </p>
    </form>
  );
}
