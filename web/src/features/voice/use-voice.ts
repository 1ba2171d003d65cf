import type { ComponentType } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { voiceSupport } from '../../realtime/support';
import type { VoicePanelProps } from './voice-panel';

/**
 * The voice toggle. Nothing voice-related is loaded or requested until the user turns it on: the
 * WebRTC client and its panel are a separate chunk (initial JS budget), and the microphone is only
 * asked for by that panel (docs/pitfalls.md 7.1). On an insecure origin the toggle stays off with the reason (7.2).
 */
export function useVoice() {
  const support = useMemo(() => voiceSupport(), []);
  const [on, setOn] = useState(false);
  const [Panel, setPanel] = useState<ComponentType<VoicePanelProps> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const toggle = useCallback(() => {
    if (on) return setOn(false);
    if (!support.ok) return;
    setLoadError(null);
    setOn(true);
    if (!Panel) {
      import('./voice-panel').then(
        (m) => setPanel(() => m.VoicePanel),
        () => {
          setOn(false);
          setLoadError('Voice could not be loaded. Check the connection and try again.');
        },
      );
    }
  }, [on, Panel, support.ok]);

  return {
    on,
    toggle,
    Panel: on ? Panel : null,
    problem: support.ok ? null : support.reason,
    loadError,
    close: () => setOn(false),
  };
}
