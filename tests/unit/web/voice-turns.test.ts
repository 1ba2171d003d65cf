import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../../api/contracts/chat';
import type { ClientEvent, ServerEvent } from '../../../web/src/realtime/events';
import { SPOKEN_MS_PER_CHAR } from '../../../web/src/realtime/timing';
import { type VoiceBubble, VoiceTurns } from '../../../web/src/realtime/voice-turns';

function harness() {
  let now = 0;
  const bubbles = new Map<string, VoiceBubble>();
  const order: string[] = [];
  const history: ChatMessage[] = [];
  const sent: ClientEvent[] = [];
  const held: boolean[] = [];
  const spoken: string[] = [];
  const turns = new VoiceTurns({
    bubble: (b) => {
      if (!bubbles.has(b.id)) order.push(b.id);
      bubbles.set(b.id, b);
    },
    appendHistory: (m) => history.push(...m),
    send: (e) => sent.push(e),
    holdAudio: (h) => held.push(h),
    speak: (t) => (spoken.push(t), true),
    now: () => now,
  });
  const feed = (...events: ServerEvent[]) => events.forEach((e) => turns.handle(e));
  const shown = () => order.map((id) => bubbles.get(id)!);
  return { turns, feed, shown, history, sent, held, spoken, tick: (ms: number) => (now += ms) };
}

const ANSWER = 'Your checking balance stands at $4,512.20 as of May 2026.';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('VoiceTurns', () => {
  it('shows "listening…" until the final transcript (2.5) and keeps question and answer in spoken order, even when the transcript comes last', () => {
    const h = harness();
    h.feed({ type: 'input_audio_buffer.speech_started', itemId: 'u1' });
    expect(h.shown()).toEqual([{ id: 'vu_u1', kind: 'user', text: '', pending: true, voice: true }]);
    h.feed(
      { type: 'input_audio_buffer.speech_stopped', itemId: 'u1' },
      { type: 'response.created', responseId: 'r1' },
      {
        type: 'response.function_call_arguments.done',
        responseId: 'r1',
        callId: 'c1',
        name: 'show_chart',
        arguments: '{}',
      },
      { type: 'response.done', responseId: 'r1', status: 'completed' },
      { type: 'response.created', responseId: 'r2' },
      { type: 'output_audio_buffer.started', responseId: 'r2' },
      { type: 'response.output_audio_transcript.delta', responseId: 'r2', itemId: 'a1', delta: 'Your checking ' },
      { type: 'response.output_audio_transcript.done', responseId: 'r2', itemId: 'a1', transcript: ANSWER },
      { type: 'response.done', responseId: 'r2', status: 'completed' },
    );
    // The answer is complete, but the history waits for the question's transcript.
    expect(h.history).toEqual([]);
    h.feed({
      type: 'conversation.item.input_audio_transcription.completed',
      itemId: 'u1',
      transcript: ' How much is left in my checking account? ',
    });
    expect(h.shown().map((b) => [b.kind, b.text])).toEqual([
      ['user', 'How much is left in my checking account?'],
      ['assistant', ANSWER],
    ]);
    expect(h.history).toEqual([
      { role: 'user', content: 'How much is left in my checking account?' },
      { role: 'assistant', content: ANSWER },
    ]);
  });

  it('barge-in: stops local playback, cancels, truncates to what was heard and cuts the shown text there', () => {
    const h = harness();
    h.feed(
      { type: 'response.created', responseId: 'r1' },
      { type: 'output_audio_buffer.started', responseId: 'r1' },
      { type: 'response.output_audio_transcript.done', responseId: 'r1', itemId: 'a1', transcript: ANSWER },
    );
    expect(h.turns.speaking).toBe(true);
    h.tick(21 * SPOKEN_MS_PER_CHAR);
    h.feed({ type: 'input_audio_buffer.speech_started', itemId: 'u2' });
    expect(h.held).toEqual([false, true]);
    expect(h.sent).toEqual([
      { type: 'response.cancel' },
      { type: 'output_audio_buffer.clear' },
      { type: 'conversation.item.truncate', item_id: 'a1', content_index: 0, audio_end_ms: 21 * SPOKEN_MS_PER_CHAR },
    ]);
    const answer = h.shown()[0]!;
    expect(answer).toMatchObject({
      kind: 'assistant',
      text: 'Your checking balance…',
      interrupted: true,
      streaming: false,
    });
    // Late pieces of the cancelled answer change nothing.
    h.feed(
      { type: 'response.output_audio_transcript.delta', responseId: 'r1', itemId: 'a1', delta: ' more' },
      { type: 'response.done', responseId: 'r1', status: 'cancelled' },
    );
    expect(h.shown()[0]!.text).toBe('Your checking balance…');
    expect(h.history).toEqual([{ role: 'assistant', content: 'Your checking balance' }]);
    expect(h.shown()[1]).toMatchObject({ kind: 'user', pending: true });
    expect(h.turns.speaking).toBe(false);
  });

  it('does nothing on speech while the assistant is silent (no cancel, no truncate)', () => {
    const h = harness();
    h.feed({ type: 'input_audio_buffer.speech_started', itemId: 'u1' });
    expect(h.sent).toEqual([]);
  });

  it('2.7: a text-only answer is read out by the browser and marked', () => {
    const h = harness();
    h.feed(
      { type: 'response.created', responseId: 'r1' },
      { type: 'response.output_text.delta', responseId: 'r1', itemId: 'a1', delta: 'Text ' },
      { type: 'response.output_text.done', responseId: 'r1', itemId: 'a1', text: 'Text only answer.' },
      { type: 'response.done', responseId: 'r1', status: 'completed' },
    );
    expect(h.spoken).toEqual(['Text only answer.']);
    const answer = h.shown()[0] as Extract<VoiceBubble, { kind: 'assistant' }>;
    expect(answer.text).toBe('Text only answer.');
    expect(answer.notes.map((n) => n.label)).toContain('This answer came as text only');
  });

  it('2.4: an empty transcript is shown as not understood and left out of the history; a missing one is given up after a while', () => {
    const h = harness();
    h.feed(
      { type: 'input_audio_buffer.speech_started', itemId: 'u1' },
      { type: 'conversation.item.input_audio_transcription.completed', itemId: 'u1', transcript: '' },
    );
    expect(h.shown()[0]).toMatchObject({ text: '(not understood)', pending: false });
    h.feed(
      { type: 'input_audio_buffer.speech_started', itemId: 'u2' },
      { type: 'response.created', responseId: 'r1' },
      { type: 'response.output_audio_transcript.done', responseId: 'r1', itemId: 'a1', transcript: 'Sorry?' },
      { type: 'response.done', responseId: 'r1', status: 'completed' },
    );
    expect(h.history).toEqual([]);
    h.tick(16_000);
    vi.advanceTimersByTime(16_000);
    expect(h.history).toEqual([{ role: 'assistant', content: 'Sorry?' }]);
    expect(h.shown()[1]).toMatchObject({ text: '(not transcribed)' });
  });

  it('puts tool chips on the answer of the current turn', () => {
    const h = harness();
    h.turns.addNote({ id: 'c1', icon: 'chart', label: 'Charted Checking' });
    h.feed(
      { type: 'response.created', responseId: 'r1' },
      { type: 'response.output_audio_transcript.done', responseId: 'r1', itemId: 'a1', transcript: ANSWER },
    );
    expect(h.shown()).toHaveLength(1);
    expect(h.shown()[0]).toMatchObject({ text: ANSWER, notes: [{ label: 'Charted Checking' }] });
  });

  it('turning voice off leaves nothing "listening…" or streaming, and keeps what was said', () => {
    const h = harness();
    h.feed(
      { type: 'response.created', responseId: 'r1' },
      { type: 'response.output_audio_transcript.delta', responseId: 'r1', itemId: 'a1', delta: 'Your checking' },
      { type: 'input_audio_buffer.speech_started', itemId: 'u1' },
    );
    h.turns.close();
    expect(
      h.shown().map((b) => ({
        kind: b.kind,
        pending: b.kind === 'user' ? b.pending : undefined,
        streaming: b.kind === 'assistant' ? b.streaming : undefined,
      })),
    ).toEqual([
      { kind: 'assistant', pending: undefined, streaming: false },
      { kind: 'user', pending: false, streaming: undefined },
    ]);
    expect(h.history).toEqual([{ role: 'assistant', content: 'Your checking' }]);
  });
});
