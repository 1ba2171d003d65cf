import type { HttpResponseInit } from '@azure/functions';
import type { ChatEvent } from '../contracts/chat';

/**
 * Streams events as text/event-stream. `X-Accel-Buffering: no` and `no-transform` keep proxies
 * from buffering; note production SWA still buffers /api, so the SPA calls the Function app
 * directly for chat (https://learn.microsoft.com/azure/static-web-apps/configuration, Azure/static-web-apps#1628).
 */
export function sseResponse(events: AsyncIterable<ChatEvent>): HttpResponseInit {
  const encoder = new TextEncoder();
  async function* body(): AsyncIterable<Uint8Array> {
    for await (const event of events) {
      yield encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    }
  }
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
    body: body(),
  };
}
