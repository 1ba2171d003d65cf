import type { Mode, ModeSummary } from '../../contracts/mode';
import type { Persona } from '../../contracts/persona';
import { systemPrompt } from './system-prompt';

/**
 * Voice instructions: the chat system prompt (bounded mode fields and server-computed figures only,
 * docs/pitfalls.md 9.1) plus what changes when the answer is spoken. Asking for audio explicitly makes a
 * text-only reply (docs/pitfalls.md 2.7) rarer; the browser still handles one when it happens.
 *
 * The browser can read these: Azure sends them back in `session.created` on the data channel
 * (https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-webrtc; docs/pitfalls.md
 * 8.2). So they hold only this visitor's own mode and persona and the pre-built modes — never modes
 * other visitors generated (switch_mode picks pre-built modes by id only, so they are not needed).
 */
export function voiceInstructions(mode: Mode, persona: Persona, modes: ModeSummary[]): string {
  const prebuilt = modes.filter((m) => m.source === 'builtin');
  return [
    systemPrompt(mode, persona, prebuilt),
    'This is a live voice conversation: always answer out loud, in one or two short spoken sentences.',
    'Say amounts and dates the way people say them; never read out ids, JSON, lists or markdown.',
    'Call the tools exactly as you would in chat: the screen updates while you talk.',
    'When switch_mode succeeds, greet the customer with the welcome line from its result, as the new company.',
  ].join('\n');
}
