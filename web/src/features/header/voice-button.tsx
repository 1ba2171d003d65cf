import { Icon } from '../../lib/icon';

interface Props {
  /** Why voice is off (from /api/health); null when health is still loading. */
  reason: string | null;
  available: boolean;
  onToggle?: () => void;
  /** Voice is on. */
  pressed?: boolean;
  /** Shown while enabled, e.g. why the last attempt failed. */
  hint?: string | null;
}

/**
 * Microphone toggle. Voice needs the realtime session (Azure only) and a secure page; otherwise the
 * button stays disabled and says why, in a tooltip and to screen readers. Pressing it is the only
 * thing that ever asks for the microphone (docs/pitfalls.md 7.1).
 */
export function VoiceButton({ reason, available, onToggle, pressed = false, hint }: Props) {
  const enabled = available && Boolean(onToggle);
  const why = enabled
    ? hint || (pressed ? 'Turn voice off' : 'Talk to the assistant')
    : reason || (available ? 'Voice is not enabled in this build.' : 'Checking whether voice is available…');
  return (
    <span class="voice" title={why}>
      <button
        type="button"
        class="icon-btn"
        data-testid="voice-toggle"
        aria-label="Voice"
        aria-describedby="voice-reason"
        aria-pressed={pressed}
        disabled={!enabled}
        onClick={onToggle}
      >
        <Icon name="mic" size={20} />
      </button>
      <span id="voice-reason" class="sr-only">
        {why}
      </span>
    </span>
  );
}
