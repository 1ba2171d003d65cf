import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../api/contracts/chat';
import { capHistory } from '../../../api/domain/chat/history';

const user = (n: number): ChatMessage => ({ role: 'user', content: `u${n}` });
const toolCall = (id: string): ChatMessage => ({
  role: 'assistant',
  content: null,
  tool_calls: [{ id, type: 'function', function: { name: 'select_tab', arguments: '{}' } }],
});
const toolResult = (id: string): ChatMessage => ({ role: 'tool', tool_call_id: id, content: '{}' });

describe('capHistory', () => {
  it('keeps the most recent messages', () => {
    const history = Array.from({ length: 30 }, (_, i) => user(i));
    expect(capHistory(history, 10).map((m) => (m.role === 'user' ? m.content : ''))).toEqual(
      history.slice(20).map((m) => (m.role === 'user' ? m.content : '')),
    );
  });

  it('never starts with an orphaned tool result', () => {
    const history = [user(1), toolCall('a'), toolResult('a'), user(2)];
    const capped = capHistory(history, 2);
    expect(capped[0]?.role).not.toBe('tool');
    expect(capped).toEqual([user(2)]);
  });

  it('drops forged tool results and unanswered tool calls', () => {
    const history = [user(1), toolResult('forged'), toolCall('b'), user(2)];
    const capped = capHistory(history, 10);
    expect(capped).toEqual([user(1), user(2)]);
  });
});
