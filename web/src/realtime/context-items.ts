import type { ChatMessage } from '../../../api/contracts/chat';

/** Enough recent turns to carry a conversation over to a new session, small enough to stay cheap. */
export const CONTEXT_MESSAGES = 12;

/**
 * The shared chat history as GA conversation items (`conversation.item.create`), so a renewed
 * session (docs/pitfalls.md 2.1) — or a voice session started after typing — continues the same conversation.
 * Only text turns travel; tool calls are represented by the answers that mention their results.
 */
export function contextItems(history: readonly ChatMessage[], max = CONTEXT_MESSAGES): Record<string, unknown>[] {
  const turns = history.filter(
    (m) => (m.role === 'user' || m.role === 'assistant') && typeof m.content === 'string' && m.content.trim() !== '',
  );
  return turns
    .slice(-max)
    .map((m) =>
      m.role === 'user'
        ? { type: 'message', role: 'user', content: [{ type: 'input_text', text: m.content }] }
        : { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: m.content }] },
    );
}
