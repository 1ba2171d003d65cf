import { Icon } from '../../lib/icon';

interface Props {
  /** Why voice is off (from /api/health); null when health is still loading. */
  reason: string | null;
  available: boolean;
  onToggle?: () => void;
}

/**
 * Microphone toggle. Voice needs the realtime session (Azure only); until it is wired into this
 * page the button stays disabled and says why, in a tooltip and to screen readers.
 */
export function VoiceButton({ reason, available, onToggle }: Props) {
  const enabled = available && Boolean(onToggle);
  const why = enabled ? 'Talk to the assistant' : reason || (available ? 'Voice is not enabled in this build.' : 'Checking whether voice is available…');
  return (
    <span class="voice" title={why}>
      <button
        type="button"
        class="icon-btn"
        data-testid="voice-toggle"
        aria-label="Voice"
        aria-describedby="voice-reason"
        aria-pressed={false}
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
