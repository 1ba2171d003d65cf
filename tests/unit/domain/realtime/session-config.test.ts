import { describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../../../../api/contracts/tools';
import { builtinModeSummaries, getBuiltinMode } from '../../../../api/domain/modes/catalog';
import { buildPersona } from '../../../../api/domain/persona';
import { systemPrompt } from '../../../../api/domain/prompts/system-prompt';
import {
  assertLatencySafe,
  buildRealtimeSession,
  type RealtimeSessionConfig,
} from '../../../../api/domain/realtime/session-config';
import { toolDefinitions } from '../../../../api/domain/tools/registry';

const mode = getBuiltinMode('insurance')!;
const persona = buildPersona(mode, 11, new Date('2026-05-01T00:00:00Z'));
const build = (over: Partial<Parameters<typeof buildRealtimeSession>[0]> = {}) =>
  buildRealtimeSession({
    mode,
    persona,
    modes: builtinModeSummaries(),
    deployment: 'gpt-realtime',
    transcriptionModel: 'whisper-1',
    ...over,
  });

describe('buildRealtimeSession (the server owns the whole voice session)', () => {
  it('2.6: turns are detected by server_vad, never semantic_vad, and no API noise reduction is asked for', () => {
    const session = build();
    expect(session.audio.input.turn_detection.type).toBe('server_vad');
    expect(session.audio.input.turn_detection).toMatchObject({ create_response: true, interrupt_response: true });
    expect(session.audio.input.noise_reduction).toBeUndefined();
  });

  it('2.6: refuses semantic_vad combined with noise_reduction', () => {
    const risky: RealtimeSessionConfig = {
      ...build(),
      audio: {
        input: {
          transcription: { model: 'whisper-1' },
          turn_detection: { type: 'semantic_vad', create_response: true, interrupt_response: true },
          noise_reduction: { type: 'near_field' },
        },
        output: { voice: 'marin' },
      },
    };
    expect(() => assertLatencySafe(risky)).toThrow(/server_vad/);
    expect(() =>
      assertLatencySafe({
        ...risky,
        audio: { ...risky.audio, input: { ...risky.audio.input, turn_detection: build().audio.input.turn_detection } },
      }),
    ).not.toThrow();
  });

  it('2.4: input transcription is on, with the configured transcription model, in the GA place (audio.input)', () => {
    expect(build().audio.input.transcription).toEqual({ model: 'whisper-1' });
    expect(build({ transcriptionModel: 'gpt-4o-transcribe' }).audio.input.transcription.model).toBe(
      'gpt-4o-transcribe',
    );
    expect(build()).not.toHaveProperty('input_audio_transcription');
  });

  it('offers the same tools as chat, generated from the registry, as realtime function tools without strict', () => {
    const tools = build().tools;
    expect(tools.map((t) => t.name)).toEqual([...TOOL_NAMES]);
    const chat = toolDefinitions();
    tools.forEach((tool, i) => {
      expect(tool).toEqual({ type: 'function', ...chat[i] });
      expect(tool).not.toHaveProperty('strict');
    });
  });

  it("speaks in the mode's voice unless the caller picked one, and names the deployment as the model", () => {
    expect(build().audio.output.voice).toBe(mode.voice);
    expect(build({ voice: 'cedar' }).audio.output.voice).toBe('cedar');
    expect(build({ deployment: 'my-realtime' }).model).toBe('my-realtime');
    expect(build().output_modalities).toEqual(['audio']);
  });

  it('builds instructions from the mode and persona the same bounded way as chat, plus spoken-answer rules', () => {
    const { instructions } = build();
    expect(instructions.startsWith(systemPrompt(mode, persona, builtinModeSummaries()))).toBe(true);
    expect(instructions).toMatch(/always answer out loud/);
    expect(instructions).toContain(persona.name);
  });
});
