import { useEffect, useRef, useState } from 'preact/hooks';
import { VoiceSession } from './voice-session';
import { INITIAL_VOICE_STATE, type VoiceHost, type VoiceState } from './voice-types';

/**
 * A thin Preact hook over VoiceSession. The audio element and the session live in refs, never in
 * state, and are released on unmount — microphone stopped, calls closed, audio detached — so the
 * UI cannot drift from what is actually playing (docs/pitfalls.md 7.3). State flows one way: the session
 * publishes snapshots, the hook renders them.
 */
export function useRealtimeSession(host: VoiceHost, conversationKey: string) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const sessionRef = useRef<VoiceSession | null>(null);
  const hostRef = useRef(host);
  hostRef.current = host;
  const [state, setState] = useState<VoiceState>(INITIAL_VOICE_STATE);

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    // The host is read through a ref, so the session always sees the current mode and history.
    const session = new VoiceSession(audio, {
      conversation: () => hostRef.current.conversation(),
      history: () => hostRef.current.history(),
      appendHistory: (m) => hostRef.current.appendHistory(m),
      bubble: (b) => hostRef.current.bubble(b),
      apply: (e, r) => hostRef.current.apply(e, r),
    });
    sessionRef.current = session;
    const unsubscribe = session.subscribe(setState);
    void session.start();
    return () => {
      unsubscribe();
      session.close();
      sessionRef.current = null;
      audio.srcObject = null;
    };
  }, []);

  useEffect(() => {
    sessionRef.current?.retarget();
  }, [conversationKey]);

  return {
    state,
    audioRef,
    setMicMuted: (muted: boolean) => sessionRef.current?.setMicMuted(muted),
    setSpeakerMuted: (muted: boolean) => sessionRef.current?.setSpeakerMuted(muted),
    interrupt: () => sessionRef.current?.interrupt(),
    retry: () => void sessionRef.current?.start(),
  };
}
