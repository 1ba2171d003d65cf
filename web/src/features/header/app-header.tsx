import type { Health } from '../../../../api/contracts/health';
import type { Mode, ModeSummary } from '../../../../api/contracts/mode';
import { Icon } from '../../lib/icon';
import { PRODUCT_NAME } from '../modes/apply-theme';
import { ModePicker } from '../modes/mode-picker';
import { OfflineBadge } from './offline-badge';
import { VoiceButton } from './voice-button';

interface Props {
  mode: Mode | null;
  health: Health | null;
  healthError: boolean;
  onNewConversation: () => void;
  onHome: () => void;
  onPickMode: (mode: ModeSummary) => void;
  /** The voice toggle (features/voice/use-voice.ts); `problem` disables it with the reason (e.g. insecure origin). */
  voice?: { pressed: boolean; onToggle: () => void; problem: string | null; hint: string | null };
}

/** Top bar in the mode's primary colour: brand, engine badge, voice and conversation controls. */
export function AppHeader({ mode, health, healthError, onNewConversation, onHome, onPickMode, voice }: Props) {
  const name = mode?.companyName ?? PRODUCT_NAME;
  const tagline = mode?.tagline ?? 'Say the magic words. Become any industry.';
  return (
    <header class="app-header">
      <div class="brand">
        <span class="brand__mark" aria-hidden="true">
          {mode ? monogram(mode.companyName) : <Icon name="sparkle" size={22} />}
        </span>
        <div class="brand__text">
          <h1 class="brand__name" data-testid="company-name">
            {name}
          </h1>
          <p class="brand__tagline" data-testid="tagline">
            {tagline}
          </p>
        </div>
      </div>
      <div class="app-header__actions">
        {health?.provider === 'offline' && <OfflineBadge hint={health.hint} />}
        {healthError && (
          <span class="badge badge--static" role="status">
            <Icon name="alert" size={14} /> API unreachable
          </span>
        )}
        <ModePicker currentId={mode?.id ?? null} onPick={onPickMode} />
        <VoiceButton
          available={(health?.voice.available ?? false) && !voice?.problem}
          reason={
            voice?.problem ??
            (health
              ? (health.voice.reason ?? null)
              : healthError
                ? 'Voice is unavailable: the API cannot be reached.'
                : null)
          }
          pressed={voice?.pressed}
          onToggle={voice?.onToggle}
          hint={voice?.hint}
        />
        <button
          type="button"
          class="btn btn--on-primary"
          data-testid="new-conversation"
          aria-label="New conversation"
          onClick={onNewConversation}
        >
          <Icon name="refresh" size={16} />
          <span class="hide-narrow">New conversation</span>
        </button>
        {mode && (
          <button
            type="button"
            class="icon-btn"
            data-testid="reset-demo"
            aria-label={`Back to the ${PRODUCT_NAME} start page`}
            title="Back to start"
            onClick={onHome}
          >
            <Icon name="wand" size={20} />
          </button>
        )}
      </div>
    </header>
  );
}

function monogram(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? '')).toUpperCase() || '•';
}
