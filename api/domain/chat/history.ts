import type { ChatMessage } from '../../contracts/chat';

/**
 * Keeps the last `max` messages without splitting an assistant tool call from its tool results,
 * and drops tool results whose call is not in the kept history (a model rejects orphans).
 */
export function capHistory(messages: ChatMessage[], max: number): ChatMessage[] {
  let start = Math.max(0, messages.length - max);
  while (start < messages.length && messages[start]?.role === 'tool') start++;
  const kept = messages.slice(start);
  const callIds = new Set<string>();
  const result: ChatMessage[] = [];
  for (const m of kept) {
    if (m.role === 'assistant') m.tool_calls?.forEach((c) => callIds.add(c.id));
    if (m.role === 'tool' && !callIds.has(m.tool_call_id)) continue;
    result.push(m);
  }
  return result.flatMap((m): ChatMessage[] => {
    if (m.role !== 'assistant' || !m.tool_calls) return [m];
    const answered = m.tool_calls.filter((c) => result.some((r) => r.role === 'tool' && r.tool_call_id === c.id));
    if (answered.length === m.tool_calls.length) return [m];
    if (answered.length === 0 && !m.content) return [];
    return [{ role: 'assistant', content: m.content, ...(answered.length ? { tool_calls: answered } : {}) }];
  });
}
