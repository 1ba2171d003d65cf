import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from '../../../web/src/api/sse';

function parse(chunks: string[], end = true): SseMessage[] {
  const out: SseMessage[] = [];
  const p = createSseParser((m) => out.push(m));
  for (const c of chunks) p.push(c);
  if (end) p.end();
  return out;
}

describe('createSseParser', () => {
  it('reads named events with JSON data', () => {
    const out = parse(['event: delta\ndata: {"type":"delta","text":"Hi"}\n\n']);
    expect(out).toEqual([{ event: 'delta', data: '{"type":"delta","text":"Hi"}' }]);
  });

  it('joins events split across arbitrary chunk boundaries', () => {
    const text = 'event: delta\ndata: {"text":"a"}\n\nevent: done\ndata: {"type":"done"}\n\n';
    const chunks = text.split('').map((c) => c);
    expect(parse(chunks).map((m) => m.event)).toEqual(['delta', 'done']);
  });

  it('handles CRLF, including a CR and LF in different chunks', () => {
    const out = parse(['event: tool\r', '\ndata: {"a":1}\r\n', '\r\n']);
    expect(out).toEqual([{ event: 'tool', data: '{"a":1}' }]);
  });

  it('ignores comments and joins multi-line data', () => {
    const out = parse([': keep-alive\n\ndata: line1\ndata: line2\n\n']);
    expect(out).toEqual([{ event: 'message', data: 'line1\nline2' }]);
  });

  it('dispatches a final event that lacks its blank line only at end()', () => {
    expect(parse(['event: done\ndata: {}'], false)).toEqual([]);
    expect(parse(['event: done\ndata: {}'])).toEqual([{ event: 'done', data: '{}' }]);
  });

  it('resets the event name after each dispatch', () => {
    const out = parse(['event: delta\ndata: 1\n\ndata: 2\n\n']);
    expect(out.map((m) => m.event)).toEqual(['delta', 'message']);
  });
});
