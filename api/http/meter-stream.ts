import { z } from 'zod';
import { Usage } from '../contracts/chat';

const DoneData = z.object({ type: z.literal('done'), usage: Usage });
const DONE_LINE = /^event: done\ndata: (.*)$/m;

/**
 * Passes an SSE body (whole events per chunk, several of them when deltas were merged, http/sse.ts)
 * through and, when it ends for any reason, reports the usage of its `done` event (zero when the
 * stream ended without one).
 */
export async function* meterStream(
  body: AsyncIterable<Uint8Array>,
  report: (usage: { promptTokens: number; completionTokens: number }) => Promise<void>,
): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder();
  let reported: Promise<void> | undefined;
  try {
    for await (const chunk of body) {
      const done = DONE_LINE.exec(decoder.decode(chunk))?.[1];
      const parsed = done ? DoneData.safeParse(JSON.parse(done)) : undefined;
      // Started before `done` goes out, so the write overlaps the client's last render instead of following it.
      if (parsed?.success && !reported)
        reported = report({
          promptTokens: parsed.data.usage.promptTokens,
          completionTokens: parsed.data.usage.completionTokens,
        });
      yield chunk;
    }
  } finally {
    await (reported ?? report({ promptTokens: 0, completionTokens: 0 }));
  }
}
