import { HttpRequest } from '@azure/functions';
import { ChatEvent } from '../../api/contracts/chat';
import type { Deps } from '../../api/deps';
import { chatPost } from '../../api/functions/chat-post';
import { ctx } from './chart-images.harness';

/** One chat turn through POST /api/chat, its SSE events parsed with the contract. */
export async function chatTurn(deps: Deps, text: string, personaSeed = 42): Promise<ChatEvent[]> {
  const body = JSON.stringify({
    sessionId: 'session-charts-1',
    modeId: 'banking',
    personaSeed,
    messages: [{ role: 'user', content: text }],
  });
  const res = await chatPost(() => deps)(
    new HttpRequest({
      method: 'POST',
      url: 'http://127.0.0.1/api/chat',
      headers: { 'content-type': 'application/json' },
      body: { string: body },
    }),
    ctx(),
    deps,
  );
  let sse = '';
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) sse += new TextDecoder().decode(chunk);
  return sse
    .split('\n\n')
    .filter(Boolean)
    .map((b) =>
      ChatEvent.parse(
        JSON.parse(
          b
            .split('\n')
            .find((l) => l.startsWith('data: '))!
            .slice(6),
        ),
      ),
    );
}
