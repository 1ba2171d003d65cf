/**
 * The gpt-realtime data-channel events the voice client reads (GA names, openai-node
 * `src/resources/realtime/realtime.ts`), parsed by
 * hand: the SPA does not bundle zod. Every event is checked field by field and turned into a typed
 * object; unknown events, and known ones missing a field we need, come back as null and are ignored.
 */
export type ServerEvent =
  | { type: 'session.created'; expiresAt: number | null }
  | { type: 'input_audio_buffer.speech_started'; itemId: string }
  | { type: 'input_audio_buffer.speech_stopped'; itemId: string }
  | { type: 'conversation.item.input_audio_transcription.completed'; itemId: string; transcript: string }
  | { type: 'conversation.item.input_audio_transcription.failed'; itemId: string }
  | { type: 'response.created'; responseId: string }
  | { type: 'response.output_audio_transcript.delta'; responseId: string; itemId: string; delta: string }
  | { type: 'response.output_audio_transcript.done'; responseId: string; itemId: string; transcript: string }
  | { type: 'response.output_text.delta'; responseId: string; itemId: string; delta: string }
  | { type: 'response.output_text.done'; responseId: string; itemId: string; text: string }
  | {
      type: 'response.function_call_arguments.done';
      responseId: string;
      callId: string;
      name: string;
      arguments: string;
    }
  | { type: 'response.done'; responseId: string; status: string }
  | { type: 'output_audio_buffer.started'; responseId: string }
  | { type: 'output_audio_buffer.stopped'; responseId: string }
  | { type: 'output_audio_buffer.cleared' }
  | { type: 'error'; code: string; message: string };

export type ServerEventType = ServerEvent['type'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Json, key: string): string | undefined => (typeof o[key] === 'string' ? o[key] : undefined);

/** Reads the listed string fields; undefined when one is missing, so the event is dropped. */
function strings<K extends string>(o: Json, ...keys: K[]): Record<K, string> | undefined {
  const out = {} as Record<K, string>;
  for (const key of keys) {
    const value = str(o, key);
    if (value === undefined) return undefined;
    out[key] = value;
  }
  return out;
}

const item = (o: Json) => {
  const f = strings(o, 'item_id');
  return f && { itemId: f.item_id };
};
const response = (o: Json) => {
  const f = strings(o, 'response_id');
  return f && { responseId: f.response_id };
};
/** A content part of a response item: where it belongs, plus one text field. */
function part<T>(
  o: Json,
  key: string,
  value: (text: string) => T,
): ({ responseId: string; itemId: string } & T) | undefined {
  const f = strings(o, 'response_id', 'item_id');
  const text = str(o, key);
  return f && text !== undefined ? { responseId: f.response_id, itemId: f.item_id, ...value(text) } : undefined;
}

const PARSERS: { [T in ServerEventType]: (o: Json) => Omit<Extract<ServerEvent, { type: T }>, 'type'> | undefined } = {
  'session.created': (o) => {
    const expires = isObject(o.session) ? o.session.expires_at : undefined;
    return { expiresAt: typeof expires === 'number' ? expires : null };
  },
  'input_audio_buffer.speech_started': (o) => item(o),
  'input_audio_buffer.speech_stopped': (o) => item(o),
  // Azure sends only the final transcript, never deltas (docs/pitfalls.md 2.5); it may be empty (2.4).
  'conversation.item.input_audio_transcription.completed': (o) => {
    const f = strings(o, 'item_id', 'transcript');
    return f && { itemId: f.item_id, transcript: f.transcript };
  },
  'conversation.item.input_audio_transcription.failed': (o) => item(o),
  'response.created': (o) => {
    const id = isObject(o.response) ? str(o.response, 'id') : undefined;
    return id === undefined ? undefined : { responseId: id };
  },
  'response.output_audio_transcript.delta': (o) => part(o, 'delta', (f) => ({ delta: f })),
  'response.output_audio_transcript.done': (o) => part(o, 'transcript', (f) => ({ transcript: f })),
  'response.output_text.delta': (o) => part(o, 'delta', (f) => ({ delta: f })),
  'response.output_text.done': (o) => part(o, 'text', (f) => ({ text: f })),
  'response.function_call_arguments.done': (o) => {
    const f = strings(o, 'response_id', 'call_id', 'name', 'arguments');
    return f && { responseId: f.response_id, callId: f.call_id, name: f.name, arguments: f.arguments };
  },
  'response.done': (o) => {
    const r = isObject(o.response) ? strings(o.response, 'id', 'status') : undefined;
    return r && { responseId: r.id, status: r.status };
  },
  'output_audio_buffer.started': (o) => response(o),
  'output_audio_buffer.stopped': (o) => response(o),
  'output_audio_buffer.cleared': () => ({}),
  error: (o) => {
    const e = isObject(o.error) ? o.error : {};
    return {
      code: str(e, 'code') ?? str(e, 'type') ?? 'unknown',
      message: str(e, 'message') ?? 'The voice service reported an error.',
    };
  },
};

const KNOWN = new Set<string>(Object.keys(PARSERS));

/** One data-channel message → a typed event, or null (not JSON, unknown type, or malformed). */
export function parseServerEvent(data: unknown): ServerEvent | null {
  if (typeof data !== 'string') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(raw) || typeof raw.type !== 'string' || !KNOWN.has(raw.type)) return null;
  const type = raw.type as ServerEventType;
  const fields = PARSERS[type](raw);
  return fields ? ({ type, ...fields } as ServerEvent) : null;
}

/** Client events the voice client sends (GA names). */
export type ClientEvent =
  | { type: 'session.update'; session: Json }
  | { type: 'conversation.item.create'; item: Json }
  | { type: 'response.create' }
  | { type: 'response.cancel' }
  | { type: 'conversation.item.truncate'; item_id: string; content_index: 0; audio_end_ms: number }
  | { type: 'output_audio_buffer.clear' };
