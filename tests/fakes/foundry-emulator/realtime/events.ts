// GA realtime server events as gpt-realtime sends them on the WebRTC data channel
// (https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-webrtc; openai-node `resources/realtime/realtime.ts`). Only the fields clients read are filled in.
import { randomBytes } from 'node:crypto';

export type ServerEvent = Record<string, unknown> & { type: string };

export const rid = (prefix: string) => `${prefix}_${randomBytes(9).toString('base64url')}`;

export const ev = (type: string, fields: Record<string, unknown> = {}): ServerEvent => ({
  event_id: rid('event'),
  type,
  ...fields,
});

export interface Item {
  id: string;
  type: 'message' | 'function_call' | 'function_call_output';
  role?: 'user' | 'assistant' | 'system';
  /** The text of a message (user transcript, assistant transcript or text). */
  text?: string;
  name?: string;
  call_id?: string;
  arguments?: string;
  output?: string;
  /** An assistant message that came as text only (docs/pitfalls.md 2.7). */
  textOnly?: boolean;
}

/** An item as the wire shows it. */
export function wireItem(item: Item, status: 'in_progress' | 'completed' = 'completed'): Record<string, unknown> {
  if (item.type === 'function_call') {
    return {
      id: item.id,
      object: 'realtime.item',
      type: 'function_call',
      status,
      name: item.name,
      call_id: item.call_id,
      arguments: status === 'completed' ? item.arguments : '',
    };
  }
  if (item.type === 'function_call_output') {
    return {
      id: item.id,
      object: 'realtime.item',
      type: 'function_call_output',
      call_id: item.call_id,
      output: item.output,
    };
  }
  const part = item.textOnly
    ? { type: 'output_text', text: item.text ?? '' }
    : { type: 'output_audio', transcript: item.text ?? '' };
  const content =
    item.role === 'user'
      ? [{ type: 'input_audio', transcript: item.text ?? null }]
      : status === 'completed'
        ? [part]
        : [];
  return { id: item.id, object: 'realtime.item', type: 'message', role: item.role, status, content };
}

export function response(
  id: string,
  status: 'in_progress' | 'completed' | 'cancelled',
  output: Record<string, unknown>[] = [],
  modalities: string[] = ['audio'],
) {
  return {
    id,
    object: 'realtime.response',
    status,
    status_details: status === 'cancelled' ? { type: 'cancelled', reason: 'turn_detected' } : null,
    output,
    output_modalities: modalities,
    usage: status === 'in_progress' ? null : { total_tokens: 120, input_tokens: 100, output_tokens: 20 },
  };
}

/** The error a session gets when it reaches its maximum duration (then the call ends). */
export const sessionExpired = () =>
  ev('error', {
    error: {
      type: 'invalid_request_error',
      code: 'session_expired',
      message: 'Your session hit the maximum duration of 30 minutes.',
      param: null,
      event_id: null,
    },
  });

export const cancelNotActive = (eventId: unknown) =>
  ev('error', {
    error: {
      type: 'invalid_request_error',
      code: 'response_cancel_not_active',
      message: 'Cancellation failed: no active response found',
      param: null,
      event_id: eventId ?? null,
    },
  });

/** Speaking pace of the emulated voice: ~15 characters a second, about normal speech. */
export const MS_PER_CHAR = 65;
