import { formatCountdown } from '../../realtime/timing';
import { useRealtimeSession } from '../../realtime/use-realtime-session';
import type { VoiceHost, VoiceState } from '../../realtime/voice-types';
import { VoiceIcon } from './voice-icons';
import './voice.css';

export interface VoicePanelProps {
  host: VoiceHost;
  /** Changes when the mode or the conversation does: the session follows. */
  conversationKey: string;
  onClose: () => void;
}

function statusText(s: VoiceState): string {
  if (s.phase === 'starting') return 'Asking for your microphone…';
  if (s.phase === 'connecting') return 'Connecting…';
  if (s.renewing) return 'Refreshing the voice session…';
  if (s.listening) return 'Listening…';
  if (s.speaking) return 'Speaking…';
  return s.micMuted ? 'Microphone muted' : 'Live: just talk';
}

/** The live voice controls above the message box (lazy-loaded with the voice client). */
export function VoicePanel({ host, conversationKey, onClose }: VoicePanelProps) {
  const voice = useRealtimeSession(host, conversationKey);
  const s = voice.state;
  const live = s.phase === 'live' || s.phase === 'connecting' || s.phase === 'starting';
  return (
    <section
      class={`voice-bar voice-bar--${s.phase}`}
      aria-label="Voice conversation"
      data-testid="voice-panel"
      data-phase={s.phase}
      data-listening={String(s.listening)}
      data-speaking={String(s.speaking)}
      data-renewing={String(s.renewing)}
      data-connect-ms={s.connectMs ?? undefined}
    >
      <audio ref={voice.audioRef} autoplay data-testid="voice-audio" hidden />
      {live ? (
        <>
          <span
            class={`voice-bar__dot${s.listening ? ' is-listening' : s.speaking ? ' is-speaking' : ''}`}
            aria-hidden="true"
          />
          <p class="voice-bar__status" role="status" data-testid="voice-status">
            {statusText(s)}
            {s.countdown !== null && (
              <span class="voice-bar__countdown" data-testid="voice-countdown">
                {' '}
                · session renews in {formatCountdown(s.countdown)}
              </span>
            )}
          </p>
          <div class="voice-bar__controls">
            <button
              type="button"
              class="icon-btn icon-btn--quiet"
              data-testid="voice-mute-mic"
              aria-pressed={s.micMuted}
              aria-label={s.micMuted ? 'Unmute microphone' : 'Mute microphone'}
              title={s.micMuted ? 'Unmute microphone' : 'Mute microphone'}
              onClick={() => voice.setMicMuted(!s.micMuted)}
            >
              <VoiceIcon name={s.micMuted ? 'micOff' : 'mic'} />
            </button>
            <button
              type="button"
              class="icon-btn icon-btn--quiet"
              data-testid="voice-mute-speaker"
              aria-pressed={s.speakerMuted}
              aria-label={s.speakerMuted ? 'Unmute speaker' : 'Mute speaker'}
              title={s.speakerMuted ? 'Unmute speaker' : 'Mute speaker'}
              onClick={() => voice.setSpeakerMuted(!s.speakerMuted)}
            >
              <VoiceIcon name={s.speakerMuted ? 'speakerOff' : 'speaker'} />
            </button>
            <button
              type="button"
              class="icon-btn icon-btn--quiet"
              data-testid="voice-interrupt"
              aria-label="Stop the answer"
              title="Stop the answer"
              disabled={!s.speaking}
              onClick={voice.interrupt}
            >
              <VoiceIcon name="stop" />
            </button>
          </div>
        </>
      ) : (
        <div
          class="voice-bar__problem"
          role="alert"
          data-testid={s.phase === 'blocked' ? 'voice-blocked' : 'voice-error'}
        >
          <p>{s.message ?? 'Voice stopped.'}</p>
          {s.phase === 'error' && (
            <button type="button" class="btn btn--small btn--outline" data-testid="voice-retry" onClick={voice.retry}>
              Try again
            </button>
          )}
        </div>
      )}
      <button
        type="button"
        class="icon-btn icon-btn--quiet voice-bar__close"
        data-testid="voice-close"
        aria-label="Turn voice off"
        title="Turn voice off"
        onClick={onClose}
      >
        <VoiceIcon name="close" />
      </button>
    </section>
  );
}
