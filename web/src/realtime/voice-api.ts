import type { ChatEvent } from '../../../api/contracts/chat';
import type { Mode } from '../../../api/contracts/mode';
import type { Persona } from '../../../api/contracts/persona';
import type { RealtimeSessionRequest, RealtimeSessionResponse } from '../../../api/contracts/realtime';
import { ApiError, postForJson } from '../api/client';

/** What POST /api/tools/{name} answers: the result the model sees, and what the UI should do. */
export interface ToolResponse {
  result: unknown;
  mode?: Mode;
  persona?: Persona;
  job?: Omit<Extract<ChatEvent, { type: 'job' }>, 'type'>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A fresh voice session for this conversation: the server builds its config; we get a secret and,
 * when Azure refused part of the config in the mint, that part to send as `session.update`.
 */
export async function mintSession(
  request: RealtimeSessionRequest,
  signal?: AbortSignal,
): Promise<RealtimeSessionResponse> {
  const body = await postForJson('/api/realtime/session', request, signal);
  // Checked by hand: the SPA does not bundle zod.
  if (
    !isObject(body) ||
    typeof body.clientSecret !== 'string' ||
    typeof body.callsUrl !== 'string' ||
    !/^https?:\/\//.test(body.callsUrl) ||
    typeof body.expiresAt !== 'string' ||
    typeof body.sessionMaxSeconds !== 'number' ||
    body.sessionMaxSeconds <= 0
  ) {
    throw new ApiError('bad_response', 'The voice session answer could not be read.', true);
  }
  // The part of the session Azure would not take in the mint; the server validated it (zod), so
  // only its envelope is checked here before it is sent on as `session.update`.
  const update = body.sessionUpdate;
  if (update !== undefined && (!isObject(update) || update.type !== 'realtime'))
    throw new ApiError('bad_response', 'The voice session answer could not be read.', true);
  return {
    clientSecret: body.clientSecret,
    callsUrl: body.callsUrl,
    expiresAt: body.expiresAt,
    sessionMaxSeconds: body.sessionMaxSeconds,
    ...(update ? { sessionUpdate: update as RealtimeSessionResponse['sessionUpdate'] } : {}),
  };
}

/** Runs a tool the voice model called, on the server (arguments validated there against the mode). */
export async function runTool(
  name: string,
  request: { sessionId: string; modeId: string; personaSeed: number; args: unknown },
  signal?: AbortSignal,
): Promise<ToolResponse> {
  const body = await postForJson(`/api/tools/${encodeURIComponent(name)}`, request, signal);
  if (!isObject(body) || !('result' in body))
    throw new ApiError('bad_response', 'The tool answer could not be read.', true);
  const mode =
    isObject(body.mode) && typeof body.mode.id === 'string' && isObject(body.mode.theme)
      ? (body.mode as unknown as Mode)
      : undefined;
  const persona =
    isObject(body.persona) && isObject(body.persona.series) ? (body.persona as unknown as Persona) : undefined;
  const job =
    isObject(body.job) && typeof body.job.jobId === 'string' ? (body.job as unknown as ToolResponse['job']) : undefined;
  return { result: body.result, ...(mode ? { mode } : {}), ...(persona ? { persona } : {}), ...(job ? { job } : {}) };
}
