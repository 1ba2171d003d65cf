import type { ChatMessage } from '../../../../api/contracts/chat';
import type { VoiceHost } from '../../realtime/voice-types';
import type { ChatHandlers } from '../chat/use-chat';
import type { VoiceBubble } from '../../realtime/voice-turns';

interface Parts {
  sessionId: string;
  personaSeed: number;
  /** The mode the conversation is in (chat and voice share it; owned by use-mode-state). */
  modeId: () => string;
  handlers: ChatHandlers;
  chat: { history(): readonly ChatMessage[]; appendHistory(m: ChatMessage[]): void; upsert(b: VoiceBubble): void };
}

/**
 * Voice and chat share one state: voice turns become chat bubbles and chat history, voice tool
 * results go through the very handlers chat tool events use (charts, tabs, mode switch with its
 * transition, jobs), and a mode switched by voice is the mode chat answers in next.
 */
export function voiceHost({ sessionId, personaSeed, modeId, handlers, chat }: Parts): VoiceHost {
  return {
    conversation: () => ({ sessionId, personaSeed, modeId: modeId() }),
    history: () => chat.history(),
    appendHistory: (messages) => chat.appendHistory(messages),
    bubble: (b) => chat.upsert(b),
    apply(event, response) {
      handlers.onTool(event);
      // onMode switches the mode (use-mode-state), which chat and voice then answer in.
      if (response?.mode) handlers.onMode(response.mode, response.persona);
      if (response?.job) handlers.onJob({ type: 'job', ...response.job });
    },
  };
}
