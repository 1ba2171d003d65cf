import { ToolEvent, ToolResponse } from '../../../api/contracts/chat';

/**
 * The trust boundary for tool results: a chat `tool` event and a POST /api/tools/{name} answer are
 * parsed once with the contract's schema (api/contracts/chat.ts), so everything after it narrows on
 * `ok` and `name` with no cast. This module brings zod with it, so it is loaded on demand (the first
 * chat turn, the voice panel) and stays out of the initial bundle.
 */

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const text = (v: unknown, fallback: string) => (typeof v === 'string' && v ? v.slice(0, 64) : fallback);
const words = (name: string) => name.replace(/_/g, ' ');

/** Why a value did not fit, in a line: the first issue's path and message. */
function why(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'it does not match the contract';
  return `${first.path.map(String).join('.') || 'the value'}: ${first.message}`;
}

/** A `tool` SSE event's data, parsed; a malformed one says which field is wrong. */
export function readToolEvent(value: unknown): Read<ToolEvent> {
  const parsed = ToolEvent.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const name = text(isObject(value) ? value.name : undefined, 'a tool');
  return { ok: false, message: `The ${words(name)} result could not be read (${why(parsed.error.issues)}).` };
}

/**
 * A malformed `tool` event as the failure the user sees ("Couldn't run …" under the answer): the rest
 * of the answer still streams, and nothing downstream reads a result that is not there.
 */
export function unreadableToolEvent(value: unknown, message: string): ToolEvent {
  const obj = isObject(value) ? value : {};
  return {
    type: 'tool',
    callId: text(obj.callId, 'unknown'),
    ok: false,
    name: text(obj.name, 'unknown'),
    args: obj.args,
    result: { error: { code: 'unreadable_result', message } },
  };
}

/** A POST /api/tools/{name} answer, parsed. */
export function readToolResponse(value: unknown, name: string): Read<ToolResponse> {
  const parsed = ToolResponse.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: `The ${words(name)} answer could not be read (${why(parsed.error.issues)}).` };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
