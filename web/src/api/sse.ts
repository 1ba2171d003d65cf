/** One server-sent event: its `event:` name (default "message") and joined `data:` lines. */
export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Incremental text/event-stream parser (WHATWG rules that matter here: CR/LF/CRLF line ends,
 * multi-line data, `:` comments, blank line dispatches). Feed decoded text chunks of any size.
 */
export function createSseParser(onMessage: (msg: SseMessage) => void) {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let pendingCr = false;

  const dispatch = () => {
    if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n') });
    event = '';
    data = [];
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };

  return {
    push(chunk: string) {
      // A chunk may end between the "\r" and "\n" of one CRLF: skip that "\n" rather than read a blank line.
      if (pendingCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
      pendingCr = chunk.endsWith('\r');
      buffer += chunk;
      const parts = buffer.split(/\r\n|\r|\n/);
      buffer = parts.pop() ?? '';
      for (const part of parts) line(part);
    },
    /** Call at end of stream: a final event without its blank line still counts. */
    end() {
      if (buffer) line(buffer);
      buffer = '';
      dispatch();
    },
  };
}
