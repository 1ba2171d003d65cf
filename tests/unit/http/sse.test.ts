import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatEvent } from '../../../api/contracts/chat';
import { COALESCE_WINDOW_MS, coalescedFrames } from '../../../api/http/sse';
import { createSseParser } from '../../../web/src/api/sse';

/** A source the test feeds by hand: events become available exactly when pushed. */
function manualSource() {
  const queue: Array<IteratorResult<ChatEvent>> = [];
  const waiting: Array<(r: IteratorResult<ChatEvent>) => void> = [];
  let closed = false;
  const deliver = (r: IteratorResult<ChatEvent>) => {
    const w = waiting.shift();
    if (w) w(r);
    else queue.push(r);
  };
  const iterable: AsyncIterable<ChatEvent> = {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        const r = queue.shift();
        return r ? Promise.resolve(r) : new Promise((resolve) => waiting.push(resolve));
      },
      return: async () => {
        closed = true;
        return { done: true, value: undefined };
      },
    }),
  };
  return {
    iterable,
    push: (event: ChatEvent) => deliver({ done: false, value: event }),
    end: () => deliver({ done: true, value: undefined }),
    get closed() {
      return closed;
    },
  };
}

const delta = (text: string): ChatEvent => ({ type: 'delta', text });
const done: ChatEvent = {
  type: 'done',
  finishReason: 'stop',
  model: 'm',
  usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 },
  messages: [],
};
const decode = (chunk: Uint8Array) => new TextDecoder().decode(chunk);

/** What the page reads from these chunks (the SPA's own SSE parser). */
function eventsIn(chunks: Uint8Array[]): ChatEvent[] {
  const out: ChatEvent[] = [];
  const parser = createSseParser((m) => out.push(JSON.parse(m.data) as ChatEvent));
  for (const c of chunks) parser.push(decode(c));
  return out;
}

/** Lets pending promise callbacks run without moving the (fake) clock. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('coalescedFrames (SSE writes)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends the first delta at once, then merges the deltas of one window into one write, in order', async () => {
    const source = manualSource();
    const frames = coalescedFrames(source.iterable);
    source.push(delta('Hel'));
    // No clock movement at all: the first delta is not held.
    const first = await frames.next();
    expect(eventsIn([first.value as Uint8Array])).toEqual([delta('Hel')]);

    const second = frames.next();
    let secondDone = false;
    void second.then(() => (secondDone = true));
    for (const t of ['lo', ', wor', 'ld']) source.push(delta(t));
    await settle();
    expect(secondDone).toBe(false); // held while the window is open
    await vi.advanceTimersByTimeAsync(COALESCE_WINDOW_MS);
    const merged = await second;
    expect(eventsIn([merged.value as Uint8Array])).toEqual([delta('lo'), delta(', wor'), delta('ld')]);

    source.push(done);
    source.end();
    const rest: Uint8Array[] = [];
    for await (const chunk of { [Symbol.asyncIterator]: () => frames }) rest.push(chunk);
    expect(eventsIn(rest)).toEqual([done]);
  });

  it('lets any other event flush what is held and go out at once, keeping the order', async () => {
    const source = manualSource();
    const frames = coalescedFrames(source.iterable);
    source.push(delta('One'));
    await frames.next();
    const next = frames.next();
    source.push(delta(' two'));
    source.push({ type: 'status', message: 'Switching…' });
    // Out without the window closing: a status (or mode) event is never held back.
    const chunk = await next;
    expect(eventsIn([chunk.value as Uint8Array])).toEqual([delta(' two'), { type: 'status', message: 'Switching…' }]);
    source.end();
    expect((await frames.next()).done).toBe(true);
  });

  it('flushes what is held when the stream ends, and the page reads the same text', async () => {
    const source = manualSource();
    const frames = coalescedFrames(source.iterable);
    const words = ['The ', 'quick ', 'brown ', 'fox ', '— ', 'jumps.'];
    const chunks: Uint8Array[] = [];
    source.push(delta(words[0]!));
    chunks.push((await frames.next()).value as Uint8Array);
    const reading = (async () => {
      for await (const c of { [Symbol.asyncIterator]: () => frames }) chunks.push(c);
    })();
    for (const w of words.slice(1)) source.push(delta(w));
    source.push(done);
    source.end();
    await reading; // no clock movement: the end does not wait for the window
    expect(chunks).toHaveLength(2);
    const read = eventsIn(chunks);
    expect(read.at(-1)).toEqual(done);
    expect(
      read
        .filter((e) => e.type === 'delta')
        .map((e) => (e as { text: string }).text)
        .join(''),
    ).toBe(words.join(''));
  });

  it('sends a delta at once again after a quiet window', async () => {
    const source = manualSource();
    const frames = coalescedFrames(source.iterable);
    source.push(delta('a'));
    await frames.next();
    await vi.advanceTimersByTimeAsync(COALESCE_WINDOW_MS + 1);
    source.push(delta('b'));
    expect(eventsIn([(await frames.next()).value as Uint8Array])).toEqual([delta('b')]);
    source.end();
  });

  it('closes the source when the client goes away mid-stream', async () => {
    const source = manualSource();
    const frames = coalescedFrames(source.iterable);
    source.push(delta('a'));
    await frames.next();
    source.push(delta('b'));
    await settle();
    await frames.return(undefined);
    expect(source.closed).toBe(true);
  });
});
