import type { HttpResponseInit } from '@azure/functions';
import type { ChatEvent } from '../contracts/chat';

/**
 * How long text deltas that follow a write are held to go out together. Tokens arrive one per
 * ~10 ms from Azure; each on its own costs a parse-to-socket trip through every layer below (the
 * metering pass, the response stream, a `writev`), which is what a crowd of streams queues behind.
 * 25 ms is under two frames at 60 Hz, so the page paints the same text at nearly the same moments,
 * while two or three tokens share one write.
 */
export const COALESCE_WINDOW_MS = 25;

const encoder = new TextEncoder();
const frame = (event: ChatEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
const WINDOW_OVER = Symbol('window over');

/**
 * Encodes events as SSE frames, merging text deltas into fewer chunks: the first delta of a quiet
 * moment goes out at once; deltas arriving within COALESCE_WINDOW_MS of the last write wait and go
 * out together when the window closes. Any other event (tool, mode, job, error, done) flushes what
 * waits and goes out at once, so order is kept and a mode switch is never held back. The SPA's
 * SSE reader (web/src/api/sse.ts) parses any number of events per chunk.
 */
export async function* coalescedFrames(
  events: AsyncIterable<ChatEvent>,
  windowMs = COALESCE_WINDOW_MS,
): AsyncGenerator<Uint8Array> {
  const source = events[Symbol.asyncIterator]();
  let next = source.next();
  let held = '';
  let windowEnds = 0;
  let timer: NodeJS.Timeout | undefined;
  let over: Promise<typeof WINDOW_OVER> | undefined;
  let finished = false;
  try {
    for (;;) {
      // One timer per window while something is held, not one per token.
      if (held && !over)
        over = new Promise<typeof WINDOW_OVER>((resolve) => {
          timer = setTimeout(() => resolve(WINDOW_OVER), Math.max(0, windowEnds - Date.now()));
        });
      const result = over ? await Promise.race([next, over]) : await next;
      if (result === WINDOW_OVER) {
        const out = held;
        held = '';
        over = undefined;
        windowEnds = Date.now() + windowMs;
        yield encoder.encode(out);
        continue;
      }
      if (result.done) break;
      next = source.next();
      const event = result.value;
      if (event.type === 'delta' && (held || Date.now() < windowEnds)) {
        held += frame(event);
        continue;
      }
      const out = held + frame(event);
      held = '';
      clearTimeout(timer);
      over = undefined;
      windowEnds = event.type === 'delta' ? Date.now() + windowMs : 0;
      yield encoder.encode(out);
    }
    finished = true;
    if (held) yield encoder.encode(held);
  } finally {
    clearTimeout(timer);
    if (!finished) {
      // Closed early (the client went away): an event still being read has nobody to go to, and
      // the source is closed too, so its finally blocks run.
      next.catch(() => undefined);
      await source.return?.();
    }
  }
}

/**
 * Streams events as text/event-stream. `X-Accel-Buffering: no` and `no-transform` keep proxies
 * from buffering; note production SWA still buffers /api, so the SPA calls the Function app
 * directly for chat (https://learn.microsoft.com/azure/static-web-apps/configuration, Azure/static-web-apps#1628).
 */
export function sseResponse(events: AsyncIterable<ChatEvent>): HttpResponseInit {
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
    body: coalescedFrames(events),
  };
}
