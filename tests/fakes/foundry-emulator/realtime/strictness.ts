import type { WireError } from '../wire';

/**
 * How closely the emulator's realtime side holds a client to what Azure documents, rather than to
 * what OpenAI's API accepts. Off by default, so a test opts in to each; `STRICT_REALTIME` is all on.
 */
export interface RealtimeStrictness {
  /**
   * client_secrets accepts only the session fields Azure's table documents — `type`, `model`,
   * `instructions`, `audio.output.voice`
   * (https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-webrtc) — and refuses any
   * other with 400 `unknown_parameter`, one field per request, as the realtime API does.
   */
  sessionFields?: boolean;
  /** client_secrets answers without `expires_at`: Azure's sample reads only `value` (same page). */
  omitExpiresAt?: boolean;
  /** The status a client_secrets request for a missing deployment gets: 404 (the default) or 400. */
  missingDeploymentStatus?: 404 | 400;
}

export const STRICT_REALTIME: Required<RealtimeStrictness> = {
  sessionFields: true,
  omitExpiresAt: true,
  missingDeploymentStatus: 400,
};

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The first session field outside Azure's documented mint fields, as a `session.…` param path. */
export function undocumentedMintField(session: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(session)) {
    if (key === 'type' || key === 'model' || key === 'instructions') continue;
    const audio = key === 'audio' ? obj(session.audio) : undefined;
    if (!audio) return `session.${key}`;
    for (const part of Object.keys(audio)) {
      const output = part === 'output' ? obj(audio.output) : undefined;
      if (!output) return `session.audio.${part}`;
      const extra = Object.keys(output).find((k) => k !== 'voice');
      if (extra) return `session.audio.output.${extra}`;
    }
  }
  return undefined;
}

/**
 * The realtime API's refusal of a parameter it does not know, e.g.
 * `{"error":{"type":"invalid_request_error","code":"unknown_parameter","message":"Unknown parameter:
 * 'session.input_audio_transcription.enabled'.","param":"session.input_audio_transcription.enabled"}}`
 * (https://github.com/openai/openai-realtime-api-beta/issues/9; the same body over HTTP with 400).
 */
export function unknownParameterError(param: string): WireError {
  return {
    status: 400,
    body: {
      error: {
        message: `Unknown parameter: '${param}'.`,
        type: 'invalid_request_error',
        param,
        code: 'unknown_parameter',
      },
    },
  };
}

/**
 * A missing deployment as Azure words it: `{"error":{"code":"DeploymentNotFound","message":"The API
 * deployment for this resource does not exist. …"}}` (seen with 404 in
 * https://github.com/MicrosoftDocs/azure-docs/issues/114013 and
 * https://github.com/chatboxai/chatbox/issues/861). Learn does not document the status of the v1
 * realtime routes for it, so the strict mode answers 400 to keep clients reading the body code.
 */
export function deploymentNotFound(status: 404 | 400): WireError {
  return {
    status,
    body: {
      error: {
        code: 'DeploymentNotFound',
        message:
          'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
      },
    },
  };
}
