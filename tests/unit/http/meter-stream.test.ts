import { describe, expect, it } from 'vitest';
import { meterStream } from '../../../api/http/meter-stream';

const enc = (type: string, data: object) =>
  new TextEncoder().encode(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);

async function* events(...chunks: Uint8Array[]) {
  yield* chunks;
}

describe('meterStream', () => {
  it('passes every chunk through and reports the done event usage once', async () => {
    const reports: unknown[] = [];
    const chunks = [
      enc('delta', { text: 'Hi' }),
      enc('done', {
        finishReason: 'stop',
        model: 'm',
        usage: { promptTokens: 120, completionTokens: 7, totalTokens: 127 },
        messages: [],
      }),
    ];
    const out: Uint8Array[] = [];
    for await (const c of meterStream(events(...chunks), async (u) => void reports.push(u))) out.push(c);
    expect(out).toEqual(chunks);
    expect(reports).toEqual([{ promptTokens: 120, completionTokens: 7 }]);
  });

  it('finds the done event in a chunk that also carries merged deltas', async () => {
    const reports: unknown[] = [];
    const bytes = (...parts: Uint8Array[]) =>
      new TextEncoder().encode(parts.map((p) => new TextDecoder().decode(p)).join(''));
    const merged = bytes(
      enc('delta', { text: 'a' }),
      enc('delta', { text: 'b' }),
      enc('done', {
        finishReason: 'stop',
        model: 'm',
        usage: { promptTokens: 50, completionTokens: 2, totalTokens: 52 },
        messages: [],
      }),
    );
    for await (const _ of meterStream(events(merged), async (u) => void reports.push(u)));
    expect(reports).toEqual([{ promptTokens: 50, completionTokens: 2 }]);
  });

  it('reports zero when the stream ends without done (a client that went away)', async () => {
    const reports: unknown[] = [];
    const stream = meterStream(
      events(enc('delta', { text: 'a' }), enc('delta', { text: 'b' })),
      async (u) => void reports.push(u),
    );
    await stream.next();
    await stream.return(undefined);
    expect(reports).toEqual([{ promptTokens: 0, completionTokens: 0 }]);
  });
});
