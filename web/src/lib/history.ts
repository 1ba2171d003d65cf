import type { ChatMessage } from '../../../api/contracts/chat';

/** Mirrors MAX_HISTORY_MESSAGES in api/contracts/chat.ts (not imported: that module pulls zod into the bundle). */
export const MAX_HISTORY = 40;

/**
 * Keeps the newest `max` messages. The kept window starts at a user message when one exists,
 * so a `tool` message is never separated from the assistant `tool_calls` that produced it.
 */
export function capHistory(messages: readonly ChatMessage[], max = MAX_HISTORY): ChatMessage[] {
  if (messages.length <= max) return dropLeadingOrphans(messages.slice());
  const tail = messages.slice(messages.length - max);
  const firstUser = tail.findIndex((m) => m.role === 'user');
  if (firstUser >= 0) return tail.slice(firstUser);
  return dropLeadingOrphans(tail);
}

function dropLeadingOrphans(messages: ChatMessage[]): ChatMessage[] {
  let start = 0;
  while (start < messages.length && messages[start]?.role === 'tool') start++;
  return start === 0 ? messages : messages.slice(start);
}
