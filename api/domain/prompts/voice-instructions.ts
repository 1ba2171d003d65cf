import type { Mode, ModeSummary } from '../../contracts/mode';
import type { Persona } from '../../contracts/persona';
import { systemPrompt } from './system-prompt';

/**
 * Voice instructions: the chat system prompt (bounded mode fields and server-computed figures only,
 * PITFALLS 9.1) plus what changes when the answer is spoken. Asking for audio explicitly makes a
 * text-only reply (PITFALLS 2.7) rarer; the browser still handles one when it happens.
 */
export function voiceInstructions(mode: Mode, persona: Persona, modes: ModeSummary[]): string {
  return [
    systemPrompt(mode, persona, modes),
    'This is a live voice conversation: always answer out loud, in one or two short spoken sentences.',
    'Say amounts and dates the way people say them; never read out ids, JSON, lists or markdown.',
    'Call the tools exactly as you would in chat: the screen updates while you talk.',
    'When switch_mode succeeds, greet the customer with the welcome line from its result, as the new company.',
  ].join('\n');
}
