import type { HttpResponseInit } from '@azure/functions';
import { ChatEvent } from '../../api/contracts/chat';

/** The whole streamed body of a handler's response, as text. */
export async function responseText(res: HttpResponseInit): Promise<string> {
  let text = '';
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) text += new TextDecoder().decode(chunk);
  return text;
}

/** A `text/event-stream` body as validated chat events (each block's `data:` line). */
export function chatEvents(sse: string): ChatEvent[] {
  return sse
    .split('\n\n')
    .filter(Boolean)
    .map((block) =>
      ChatEvent.parse(
        JSON.parse(
          block
            .split('\n')
            .find((l) => l.startsWith('data: '))!
            .slice(6),
        ),
      ),
    );
}
