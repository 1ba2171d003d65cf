import type { ChatMessage, ToolEvent } from '../../../api/contracts/chat';
import type { ToolResponse } from './voice-api';
import type { VoiceBubble } from './voice-turns';

export type VoicePhase = 'starting' | 'blocked' | 'connecting' | 'live' | 'error' | 'closed';

export interface VoiceState {
  phase: VoicePhase;
  /** Why voice is blocked or failed: shown to the user. */
  message: string | null;
  /** A replacement session is connecting (renewal, mode switch, reconnect). */
  renewing: boolean;
  listening: boolean;
  speaking: boolean;
  micMuted: boolean;
  speakerMuted: boolean;
  /** Seconds until the session is renewed, during its last minutes (docs/pitfalls.md 2.1). */
  countdown: number | null;
  /** Offer → data channel open of the current call, in ms. */
  connectMs: number | null;
}

export interface Conversation {
  sessionId: string;
  modeId: string;
  personaSeed: number;
}

/** What the voice client needs from the page: the shared conversation and where results go. */
export interface VoiceHost {
  conversation(): Conversation;
  history(): readonly ChatMessage[];
  appendHistory(messages: ChatMessage[]): void;
  bubble(b: VoiceBubble): void;
  apply(event: ToolEvent, response: ToolResponse | null): void;
}

export const INITIAL_VOICE_STATE: VoiceState = {
  phase: 'starting',
  message: null,
  renewing: false,
  listening: false,
  speaking: false,
  micMuted: false,
  speakerMuted: false,
  countdown: null,
  connectMs: null,
};
