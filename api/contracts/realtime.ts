import { z } from 'zod';
import { Conversation } from './common';
import { Voice } from './mode';

/** POST /api/realtime/session: which conversation the voice session belongs to. */
export const RealtimeSessionRequest = Conversation.extend({
  /** Overrides the mode's voice (one of the GA voices). */
  voice: Voice.optional(),
});
export type RealtimeSessionRequest = z.infer<typeof RealtimeSessionRequest>;

/**
 * Everything the browser gets: a short-lived client secret, where to post the SDP offer, and how
 * long the session may live before it must be renewed (PITFALLS 2.1). Never instructions, tools,
 * the deployment or the upstream object: the server owns the session config (STYLE-ANCHORS 7.3 #11).
 */
export const RealtimeSessionResponse = z.strictObject({
  clientSecret: z.string().min(1),
  /** When the client secret stops working for new calls (ISO 8601). */
  expiresAt: z.iso.datetime(),
  /** `…/openai/v1/realtime/calls`: the browser POSTs its offer here with the secret as a bearer token. */
  callsUrl: z.url(),
  /** The session must be replaced before this many seconds after connecting. */
  sessionMaxSeconds: z.number().int().positive(),
});
export type RealtimeSessionResponse = z.infer<typeof RealtimeSessionResponse>;

/** Transcription models gpt-realtime can use for `audio.input.transcription` (PITFALLS 2.4). */
export const TRANSCRIPTION_MODELS = ['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe'] as const;
export const TranscriptionModel = z.enum(TRANSCRIPTION_MODELS);
export type TranscriptionModel = z.infer<typeof TranscriptionModel>;
