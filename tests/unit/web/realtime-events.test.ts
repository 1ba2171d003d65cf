import { describe, expect, it } from 'vitest';
import { parseServerEvent } from '../../../web/src/realtime/events';

// Data-channel messages as gpt-realtime (GA) sends them over WebRTC, trimmed to one of each kind.
const RECORDED = [
  {
    type: 'session.created',
    event_id: 'event_1',
    session: { id: 'sess_1', object: 'realtime.session', model: 'gpt-realtime', expires_at: 1767225600 },
  },
  { type: 'input_audio_buffer.speech_started', event_id: 'event_2', audio_start_ms: 1200, item_id: 'item_u1' },
  { type: 'input_audio_buffer.speech_stopped', event_id: 'event_3', audio_end_ms: 2400, item_id: 'item_u1' },
  {
    type: 'response.created',
    event_id: 'event_4',
    response: { id: 'resp_1', object: 'realtime.response', status: 'in_progress', output: [] },
  },
  {
    type: 'conversation.item.input_audio_transcription.completed',
    event_id: 'event_5',
    item_id: 'item_u1',
    content_index: 0,
    transcript: 'How much is left in my checking account?',
    usage: { type: 'duration', seconds: 2 },
  },
  {
    type: 'response.function_call_arguments.done',
    event_id: 'event_6',
    response_id: 'resp_1',
    item_id: 'item_f1',
    output_index: 0,
    call_id: 'call_1',
    name: 'show_chart',
    arguments: '{"dataset_ids":["checking"]}',
  },
  { type: 'response.done', event_id: 'event_7', response: { id: 'resp_1', status: 'completed', output: [] } },
  { type: 'output_audio_buffer.started', event_id: 'event_8', response_id: 'resp_2' },
  {
    type: 'response.output_audio_transcript.delta',
    event_id: 'event_9',
    response_id: 'resp_2',
    item_id: 'item_a1',
    output_index: 0,
    content_index: 0,
    delta: 'Your ',
  },
  {
    type: 'response.output_audio_transcript.done',
    event_id: 'event_10',
    response_id: 'resp_2',
    item_id: 'item_a1',
    output_index: 0,
    content_index: 0,
    transcript: 'Your checking stands at $4,512.20.',
  },
  {
    type: 'response.output_text.delta',
    event_id: 'event_11',
    response_id: 'resp_3',
    item_id: 'item_a2',
    output_index: 0,
    content_index: 0,
    delta: 'Text ',
  },
  {
    type: 'response.output_text.done',
    event_id: 'event_12',
    response_id: 'resp_3',
    item_id: 'item_a2',
    output_index: 0,
    content_index: 0,
    text: 'Text only.',
  },
  { type: 'output_audio_buffer.stopped', event_id: 'event_13', response_id: 'resp_2' },
  { type: 'output_audio_buffer.cleared', event_id: 'event_14', response_id: 'resp_2' },
  {
    type: 'error',
    event_id: 'event_15',
    error: {
      type: 'invalid_request_error',
      code: 'session_expired',
      message: 'Your session hit the maximum duration of 30 minutes.',
    },
  },
];

describe('parseServerEvent (hand-validated GA data-channel events)', () => {
  it('turns every recorded event into its typed form', () => {
    const parsed = RECORDED.map((e) => parseServerEvent(JSON.stringify(e)));
    expect(parsed.every((e) => e !== null)).toBe(true);
    expect(parsed[0]).toEqual({ type: 'session.created', expiresAt: 1767225600 });
    expect(parsed[1]).toEqual({ type: 'input_audio_buffer.speech_started', itemId: 'item_u1' });
    expect(parsed[3]).toEqual({ type: 'response.created', responseId: 'resp_1' });
    expect(parsed[4]).toEqual({
      type: 'conversation.item.input_audio_transcription.completed',
      itemId: 'item_u1',
      transcript: 'How much is left in my checking account?',
    });
    expect(parsed[5]).toEqual({
      type: 'response.function_call_arguments.done',
      responseId: 'resp_1',
      callId: 'call_1',
      name: 'show_chart',
      arguments: '{"dataset_ids":["checking"]}',
    });
    expect(parsed[6]).toEqual({ type: 'response.done', responseId: 'resp_1', status: 'completed' });
    expect(parsed[8]).toEqual({
      type: 'response.output_audio_transcript.delta',
      responseId: 'resp_2',
      itemId: 'item_a1',
      delta: 'Your ',
    });
    expect(parsed[9]).toMatchObject({ transcript: 'Your checking stands at $4,512.20.' });
    expect(parsed[11]).toMatchObject({ type: 'response.output_text.done', text: 'Text only.' });
    expect(parsed[14]).toEqual({
      type: 'error',
      code: 'session_expired',
      message: 'Your session hit the maximum duration of 30 minutes.',
    });
  });

  it('ignores unknown events instead of throwing — including beta names and transcription deltas (docs/pitfalls.md 2.5)', () => {
    for (const type of [
      'rate_limits.updated',
      'response.output_audio.delta',
      'response.audio_transcript.delta',
      'conversation.item.input_audio_transcription.delta',
      'conversation.item.added',
      'something.new',
    ]) {
      expect(
        parseServerEvent(JSON.stringify({ type, event_id: 'e', delta: 'x', item_id: 'i', response_id: 'r' })),
      ).toBeNull();
    }
  });

  it('drops malformed messages: not JSON, not a string, no type, or a known event missing a field it needs', () => {
    expect(parseServerEvent('not json')).toBeNull();
    expect(parseServerEvent(new ArrayBuffer(4))).toBeNull();
    expect(parseServerEvent('[]')).toBeNull();
    expect(parseServerEvent(JSON.stringify({ event_id: 'e' }))).toBeNull();
    expect(
      parseServerEvent(
        JSON.stringify({ type: 'response.function_call_arguments.done', call_id: 'c', name: 'show_chart' }),
      ),
    ).toBeNull();
    expect(
      parseServerEvent(
        JSON.stringify({ type: 'conversation.item.input_audio_transcription.completed', item_id: 'i', transcript: 42 }),
      ),
    ).toBeNull();
    expect(parseServerEvent(JSON.stringify({ type: 'response.done', response: 'resp_1' }))).toBeNull();
  });

  it('keeps an empty transcript (docs/pitfalls.md 2.4: some regions send none) and a session without expiry', () => {
    expect(
      parseServerEvent(
        JSON.stringify({ type: 'conversation.item.input_audio_transcription.completed', item_id: 'i', transcript: '' }),
      ),
    ).toMatchObject({ transcript: '' });
    expect(parseServerEvent(JSON.stringify({ type: 'session.created', session: {} }))).toEqual({
      type: 'session.created',
      expiresAt: null,
    });
  });
});
