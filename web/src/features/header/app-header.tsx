import type { Health } from '../../../../api/contracts/health';
import type { Mode, ModeSummary } from '../../../../api/contracts/mode';
import { Icon } from '../../lib/icon';
import { PRODUCT_NAME } from '../modes/apply-theme';
import { ModePicker } from '../modes/mode-picker';
import { BrandMark } from './brand-mark-view';
import { OfflineBadge } from './offline-badge';
import { VoiceButton } from './voice-button';

interface Props {
  mode: Mode | null;
  health: Health | null;
  healthError: boolean;
  onNewConversation: () => void;
  onHome: () => void;
  onPickMode: (mode: ModeSummary) => void;
  modesOpen: boolean;
  onModesOpenChange: (open: boolean) => void;
  onHelp: () => void;
  /** The voice toggle (features/voice/use-voice.ts); `problem` disables it with the reason (e.g. insecure origin). */
  voice?: { pressed: boolean; onToggle: () => void; problem: string | null; hint: string | null };
}

/** Top bar in the mode's primary colour: brand, engine badge, voice and conversation controls. */
export function AppHeader({
  mode,
  health,
  healthError,
  onNewConversation,
  onHome,
  onPickMode,
  modesOpen,
  onModesOpenChange,
  onHelp,
  voice,
}: Props) {
  const name = mode?.companyName ?? PRODUCT_NAME;
  const tagline = mode?.tagline ?? 'Say the magic words. Become any industry.';
  return (
    <header class="app-header">
      <div class="brand">
        {mode ? (
          <BrandMark mode={mode} />
        ) : (
          <span class="brand__mark" aria-hidden="true">
            <Icon name="sparkle" size={22} />
          </span>
        )}
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
        <ModePicker
          currentId={mode?.id ?? null}
          onPick={onPickMode}
          open={modesOpen}
          onOpenChange={onModesOpenChange}
        />
        <button
          type="button"
          class="btn btn--on-primary"
          data-testid="help-open"
          aria-label="What can I say?"
          aria-keyshortcuts="?"
          title="What can I say? (?)"
          onClick={onHelp}
        >
          <Icon name="info" size={16} />
          <span class="hide-narrow" aria-hidden="true">
            What can I say?
          </span>
        </button>
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
          <span class="hide-narrow" aria-hidden="true">
            New conversation
          </span>
        </button>
        {mode && (
          <button
            type="button"
            class="btn btn--on-primary"
            data-testid="reset-demo"
            aria-label="Start over"
            title={`Start over: back to the ${PRODUCT_NAME} start page`}
            onClick={onHome}
          >
            <Icon name="wand" size={16} />
            <span class="hide-narrow" aria-hidden="true">
              Start over
            </span>
          </button>
        )}
      </div>
    </header>
  );
}
