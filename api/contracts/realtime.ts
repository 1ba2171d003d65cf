import { z } from 'zod';
import { Conversation } from './common';
import { Voice } from './mode';

/** POST /api/realtime/session: which conversation the voice session belongs to. */
export const RealtimeSessionRequest = Conversation.extend({
  /** Overrides the mode's voice (one of the GA voices). */
  voice: Voice.optional(),
});
export type RealtimeSessionRequest = z.infer<typeof RealtimeSessionRequest>;

/** Transcription models gpt-realtime can use for `audio.input.transcription` (docs/pitfalls.md 2.4). */
export const TRANSCRIPTION_MODELS = ['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe'] as const;
export const TranscriptionModel = z.enum(TRANSCRIPTION_MODELS);
export type TranscriptionModel = z.infer<typeof TranscriptionModel>;

const TurnDetection = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('server_vad'),
    threshold: z.number().min(0).max(1),
    prefix_padding_ms: z.number().int().min(0),
    silence_duration_ms: z.number().int().min(0),
    create_response: z.boolean(),
    interrupt_response: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('semantic_vad'),
    eagerness: z.enum(['low', 'medium', 'high', 'auto']).optional(),
    create_response: z.boolean(),
    interrupt_response: z.boolean(),
  }),
]);

/**
 * The part of the GA session the client_secrets request could not carry, for the browser to send as
 * its first `session.update` on the data channel (https://platform.openai.com/docs/api-reference/realtime-client-events/session/update;
 * Azure: https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-webrtc). Azure
 * documents only `type`, `model`, `instructions` and `audio.output.voice` for the mint, so a field it
 * refuses travels this way instead. `type: "realtime"` is required by the GA event; a top-level field
 * is sent whole, so the update means the same whether Azure merges nested objects or replaces them.
 */
export const RealtimeSessionUpdate = z.strictObject({
  type: z.literal('realtime'),
  instructions: z.string().max(20_000).optional(),
  output_modalities: z
    .array(z.enum(['audio', 'text']))
    .min(1)
    .optional(),
  audio: z
    .strictObject({
      input: z
        .strictObject({
          transcription: z.strictObject({ model: TranscriptionModel }).optional(),
          turn_detection: TurnDetection.optional(),
          noise_reduction: z.strictObject({ type: z.enum(['near_field', 'far_field']) }).optional(),
        })
        .optional(),
      output: z.strictObject({ voice: Voice }).optional(),
    })
    .optional(),
  tools: z
    .array(
      z.strictObject({
        type: z.literal('function'),
        name: z.string().min(1).max(64),
        description: z.string().max(1024),
        parameters: z.record(z.string(), z.unknown()),
      }),
    )
    .max(32)
    .optional(),
  tool_choice: z.literal('auto').optional(),
  max_output_tokens: z.number().int().positive().optional(),
});
export type RealtimeSessionUpdate = z.infer<typeof RealtimeSessionUpdate>;

/**
 * Everything the browser gets: a short-lived client secret, where to post the SDP offer, how long
 * the session may live before it must be renewed (docs/pitfalls.md 2.1), and — only when Azure refused part
 * of the session in the mint — the rest of it to send as `session.update`. Never a key, an Entra
 * token or the deployment's endpoint beyond the calls URL. The browser sees the session's
 * instructions and tools anyway (`session.created` on the data channel, docs/pitfalls.md 8.2), so
 * they are built to carry nothing secret.
 */
export const RealtimeSessionResponse = z.strictObject({
  clientSecret: z.string().min(1),
  /** When the client secret stops working for new calls (ISO 8601). */
  expiresAt: z.iso.datetime(),
  /** `…/openai/v1/realtime/calls`: the browser POSTs its offer here with the secret as a bearer token. */
  callsUrl: z.url(),
  /** The session must be replaced before this many seconds after connecting. */
  sessionMaxSeconds: z.number().int().positive(),
  /** Send as the first data-channel event (`{type: "session.update", session: sessionUpdate}`), before anything else. */
  sessionUpdate: RealtimeSessionUpdate.optional(),
});
export type RealtimeSessionResponse = z.infer<typeof RealtimeSessionResponse>;
