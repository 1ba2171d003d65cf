import type { Mode } from '../../contracts/mode';

/**
 * What the assistant says, in character, when Azure's content filter blocks a prompt or a reply.
 * Filters misfire on ordinary industry words (docs/pitfalls.md 5.1), so it asks for a rephrase, never blames.
 */
export function contentFilteredReply(mode: Mode): string {
  return `I'm sorry — as the ${mode.companyName} assistant I can't help with that as phrased; could you put it another way?`;
}
