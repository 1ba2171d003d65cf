// @vitest-environment happy-dom
/// <reference types="vite/client" />
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useChat } from '../../../web/src/features/chat/use-chat';

// A question asked while a new mode is designed (issue #12): held and shown as waiting, then sent
// in whatever mode is current when it is released — the new one, or the old one with a note.

type Chat = ReturnType<typeof useChat>;
const sent: { modeId: string; question: string }[] = [];
const answer = (text: string) =>
  [
    { type: 'delta', text },
    {
      type: 'done',
      finishReason: 'stop',
      model: 'offline',
      usage: { promptTokens: 1, completionTokens: 1 },
      messages: [{ role: 'assistant', content: text }],
    },
  ]
    .map((e) => `data: ${JSON.stringify(e)}\n\n`)
    .join('');

let host: HTMLElement;
let mode = 'banking';
function mountChat() {
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const body = JSON.parse(init.body as string) as { modeId: string; messages: { content: string }[] };
    sent.push({ modeId: body.modeId, question: body.messages.at(-1)!.content });
    return new Response(answer(`Answered in ${body.modeId}.`), { headers: { 'content-type': 'text/event-stream' } });
  });
  const seen: { chat?: Chat } = {};
  function Harness() {
    seen.chat = useChat({
      sessionId: 'session-1',
      personaSeed: 1,
      modeId: () => mode,
      handlers: { onTool: () => {}, onMode: () => {}, onJob: () => {} },
    });
    return null;
  }
  host = document.createElement('div');
  document.body.append(host);
  void act(() => render(h(Harness, {}), host));
  return seen;
}
const settle = () => vi.waitFor(() => expect(seen.chat!.busy).toBe(false));
let seen: { chat?: Chat };

afterEach(() => {
  void act(() => render(null, host));
  host.remove();
  vi.unstubAllGlobals();
  sent.length = 0;
  mode = 'banking';
});

describe('a question held for the mode being designed', () => {
  it('waits, shown as waiting, and is sent in the new mode once it lands', async () => {
    seen = mountChat();
    void act(() => void seen.chat!.hold('How many patients this week?', "I'll answer as Happy Paws in a moment."));
    expect(sent).toEqual([]);
    expect(seen.chat!.busy).toBe(false); // the input stays usable
    expect(seen.chat!.bubbles.at(-1)).toMatchObject({
      kind: 'user',
      held: { state: 'waiting', note: "I'll answer as Happy Paws in a moment." },
    });

    mode = 'veterinary-clinic--happy-paws';
    void act(() => seen.chat!.releaseHeld());
    await settle();
    expect(sent).toEqual([{ modeId: 'veterinary-clinic--happy-paws', question: 'How many patients this week?' }]);
    const question = seen.chat!.bubbles.find((b) => b.kind === 'user')!;
    expect(question).not.toHaveProperty('held');
  });

  it('is sent in the old mode with a note when the design fails, several in the order asked', async () => {
    seen = mountChat();
    void act(() => void seen.chat!.hold('First question', 'waiting'));
    void act(() => void seen.chat!.hold('Second question', 'waiting'));
    void act(() => seen.chat!.releaseHeld('Happy Paws could not be made, so Harborstone Bank answers instead.'));
    await settle();
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    await settle();
    expect(sent).toEqual([
      { modeId: 'banking', question: 'First question' },
      { modeId: 'banking', question: 'Second question' },
    ]);
    const held = seen.chat!.bubbles.flatMap((b) => (b.kind === 'user' && b.held ? [b.held] : []));
    expect(held).toEqual([
      { state: 'fallback', note: 'Happy Paws could not be made, so Harborstone Bank answers instead.' },
      { state: 'fallback', note: 'Happy Paws could not be made, so Harborstone Bank answers instead.' },
    ]);
  });
});
