import type { Mode, ModeSummary, Voice } from '../../contracts/mode';
import type { Persona } from '../../contracts/persona';
import type { TranscriptionModel } from '../../contracts/realtime';
import { voiceInstructions } from '../prompts/voice-instructions';
import { realtimeToolDefinitions, type RealtimeFunctionTool } from '../tools/registry';

/** Server VAD: silence-based turn detection, predictable latency (docs/pitfalls.md 2.6). */
export interface ServerVad {
  type: 'server_vad';
  threshold: number;
  prefix_padding_ms: number;
  silence_duration_ms: number;
  create_response: boolean;
  interrupt_response: boolean;
}

/** Only named so the latency guard below can refuse it with noise reduction. */
export interface SemanticVad {
  type: 'semantic_vad';
  eagerness?: 'low' | 'medium' | 'high' | 'auto';
  create_response: boolean;
  interrupt_response: boolean;
}

/**
 * The GA session object (`client_secrets.session`; openai-node `RealtimeSessionCreateRequest` in
 * `src/resources/realtime/realtime.ts`): transcription and VAD under
 * `audio.input`, the voice under `audio.output` — not the beta protocol's top-level fields.
 */
export interface RealtimeSessionConfig {
  type: 'realtime';
  model: string;
  instructions: string;
  output_modalities: ['audio'];
  audio: {
    input: {
      transcription: { model: TranscriptionModel };
      turn_detection: ServerVad | SemanticVad;
      noise_reduction?: { type: 'near_field' | 'far_field' };
    };
    output: { voice: Voice };
  };
  tools: RealtimeFunctionTool[];
  tool_choice: 'auto';
  max_output_tokens: number;
}

export interface SessionConfigInput {
  mode: Mode;
  persona: Persona;
  modes: ModeSummary[];
  /** The realtime deployment name (AZURE_OPENAI_REALTIME_DEPLOYMENT). */
  deployment: string;
  transcriptionModel: TranscriptionModel;
  /** The caller's choice; otherwise the mode's own voice. */
  voice?: Voice | undefined;
}

/** Spoken answers are one or two sentences; a cap keeps a runaway answer (and its cost) short. */
export const VOICE_MAX_OUTPUT_TOKENS = 1024;

/**
 * Server VAD values from the GA defaults, with a slightly longer silence so a pause mid-question
 * does not end the turn. The server answers and interrupts itself (create/interrupt_response).
 */
export const SERVER_VAD: ServerVad = {
  type: 'server_vad',
  threshold: 0.5,
  prefix_padding_ms: 300,
  silence_duration_ms: 500,
  create_response: true,
  interrupt_response: true,
};

/**
 * The whole voice session as the server decides it: instructions from the mode and persona, the
 * same tools as chat, server VAD (never semantic VAD with noise reduction, docs/pitfalls.md 2.6; the browser
 * suppresses noise itself), input transcription with a transcription model so user transcripts are
 * not empty (docs/pitfalls.md 2.4), and the mode's voice.
 */
export function buildRealtimeSession(input: SessionConfigInput): RealtimeSessionConfig {
  const config: RealtimeSessionConfig = {
    type: 'realtime',
    model: input.deployment,
    instructions: voiceInstructions(input.mode, input.persona, input.modes),
    output_modalities: ['audio'],
    audio: {
      input: { transcription: { model: input.transcriptionModel }, turn_detection: { ...SERVER_VAD } },
      output: { voice: input.voice ?? input.mode.voice },
    },
    tools: realtimeToolDefinitions(),
    tool_choice: 'auto',
    max_output_tokens: VOICE_MAX_OUTPUT_TOKENS,
  };
  assertLatencySafe(config);
  return config;
}

/**
 * Semantic VAD combined with noise reduction has been seen to delay answers by up to a minute
 * (docs/pitfalls.md 2.6; https://community.openai.com/t/realtime-api-with-noise-reduction-has-sudden-increase-of-latency/1256390).
 */
export function assertLatencySafe(config: RealtimeSessionConfig): void {
  const input = config.audio.input;
  if (input.turn_detection.type === 'semantic_vad' && input.noise_reduction) {
    throw new Error(
      'semantic_vad with noise_reduction makes gpt-realtime answer very late; use server_vad (docs/pitfalls.md 2.6).',
    );
  }
}
