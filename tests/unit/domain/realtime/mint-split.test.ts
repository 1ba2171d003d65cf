import { describe, expect, it } from 'vitest';
import { builtinModeSummaries, getBuiltinMode } from '../../../../api/domain/modes/catalog';
import { buildPersona } from '../../../../api/domain/persona';
import { movable, splitSession } from '../../../../api/domain/realtime/mint-split';
import { buildRealtimeSession } from '../../../../api/domain/realtime/session-config';

const mode = getBuiltinMode('banking')!;
const session = buildRealtimeSession({
  mode,
  persona: buildPersona(mode, 3, new Date('2026-05-01T00:00:00Z')),
  modes: builtinModeSummaries(),
  deployment: 'gpt-realtime',
  transcriptionModel: 'whisper-1',
});

describe('splitSession (what the mint carries, what session.update must carry)', () => {
  it('with nothing refused the mint is the whole session and there is no update', () => {
    const split = splitSession(session, []);
    expect(split.mint).toEqual(session);
    expect(split.update).toBeUndefined();
  });

  it('a refused nested field leaves the mint, and its whole top-level field goes into the update', () => {
    const split = splitSession(session, ['audio.input']);
    expect(split.mint.audio).toEqual({ output: { voice: mode.voice } });
    expect(split.update).toEqual({ type: 'realtime', audio: session.audio });
    // The session the server built is untouched.
    expect(session.audio.input.turn_detection.type).toBe('server_vad');
  });

  it("Azure's documented set: only type, model, instructions and the voice stay in the mint", () => {
    const split = splitSession(session, [
      'output_modalities',
      'audio.input',
      'tools',
      'tool_choice',
      'max_output_tokens',
    ]);
    expect(split.mint).toEqual({
      type: 'realtime',
      model: 'gpt-realtime',
      instructions: session.instructions,
      audio: { output: { voice: mode.voice } },
    });
    expect(Object.keys(split.update!).sort()).toEqual([
      'audio',
      'max_output_tokens',
      'output_modalities',
      'tool_choice',
      'tools',
      'type',
    ]);
    expect(split.update!.tools).toEqual(session.tools);
  });

  it('a path it cannot walk (an array index) drops the whole top-level field; type and model never move', () => {
    const split = splitSession(session, ['tools[0].description', 'model', 'type']);
    expect(split.mint).not.toHaveProperty('tools');
    expect(split.mint).toMatchObject({ type: 'realtime', model: 'gpt-realtime' });
    expect(split.update).toEqual({ type: 'realtime', tools: session.tools });
    expect(movable('model')).toBe(false);
    expect(movable('type')).toBe(false);
    expect(movable('audio.output.voice')).toBe(true);
  });
});
