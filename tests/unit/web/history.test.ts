import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../api/contracts/chat';
import { capHistory, MAX_HISTORY } from '../../../web/src/lib/history';

const user = (n: number): ChatMessage => ({ role: 'user', content: `q${n}` });
const answer = (n: number): ChatMessage => ({ role: 'assistant', content: `a${n}` });
const call = (id: string): ChatMessage => ({
  role: 'assistant',
  content: null,
  tool_calls: [{ id, type: 'function', function: { name: 'show_chart', arguments: '{}' } }],
});
const result = (id: string): ChatMessage => ({ role: 'tool', tool_call_id: id, content: '{}' });

describe('capHistory', () => {
  it('mirrors the server limit of 40', () => {
    expect(MAX_HISTORY).toBe(40);
  });

  it('keeps short histories unchanged', () => {
    const h = [user(1), answer(1)];
    expect(capHistory(h)).toEqual(h);
  });

  it('drops the oldest messages beyond the cap', () => {
    const h = Array.from({ length: 30 }, (_, i) => [user(i), answer(i)]).flat();
    const capped = capHistory(h);
    expect(capped.length).toBeLessThanOrEqual(MAX_HISTORY);
    expect(capped[capped.length - 1]).toEqual(answer(29));
    expect(capped[0]?.role).toBe('user');
  });

  it('never starts with a tool message cut off from its assistant tool_calls', () => {
    const turn = (n: number): ChatMessage[] => [user(n), call(`c${n}`), result(`c${n}`), answer(n)];
    const h = Array.from({ length: 15 }, (_, i) => turn(i)).flat();
    for (let max = 3; max <= 41; max++) {
      const capped = capHistory(h, max);
      expect(capped.length).toBeLessThanOrEqual(max);
      expect(capped[0]?.role).not.toBe('tool');
      const ids = new Set(capped.flatMap((m) => (m.role === 'assistant' ? (m.tool_calls ?? []).map((c) => c.id) : [])));
      for (const m of capped) if (m.role === 'tool') expect(ids.has(m.tool_call_id)).toBe(true);
    }
  });

  it('drops leading orphan tool messages when no user message is in the window', () => {
    const h: ChatMessage[] = [user(0), call('x'), result('x'), result('x'), answer(0)];
    expect(capHistory(h, 3)).toEqual([result('x'), answer(0)].slice(1));
  });
});
