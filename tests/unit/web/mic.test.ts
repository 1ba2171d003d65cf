import { describe, expect, it, vi } from 'vitest';
import { MIC_BLOCKED_HELP, MicError, requestMic } from '../../../web/src/realtime/mic';

function nav(state: PermissionState | 'throws', getUserMedia: () => Promise<unknown>) {
  const gum = vi.fn(getUserMedia);
  const navigator = {
    permissions: {
      query: async () =>
        state === 'throws' ? Promise.reject(new TypeError('microphone is not a valid permission name')) : { state },
    },
    mediaDevices: { getUserMedia: gum },
  } as unknown as Navigator;
  return { navigator, gum };
}
const track = { kind: 'audio' };
const stream = async () => ({ getAudioTracks: () => [track] });

describe('requestMic (docs/pitfalls.md 7.1)', () => {
  it('does not ask again when the permission is already denied, and says how to re-enable it', async () => {
    const { navigator, gum } = nav('denied', stream);
    await expect(requestMic(navigator)).rejects.toMatchObject({ kind: 'blocked', message: MIC_BLOCKED_HELP });
    expect(gum).not.toHaveBeenCalled();
    expect(MIC_BLOCKED_HELP).toMatch(/address bar.*Allow.*reload/);
  });

  it('asks with browser noise suppression and echo cancellation when the state is prompt or unknown', async () => {
    for (const state of ['prompt', 'granted', 'throws'] as const) {
      const { navigator, gum } = nav(state, stream);
      await expect(requestMic(navigator)).resolves.toBe(track);
      expect(gum).toHaveBeenCalledWith({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
    }
  });

  it('explains a refusal at the prompt, a missing device and a busy one', async () => {
    const fail = (name: string) => nav('prompt', async () => Promise.reject(new DOMException('x', name))).navigator;
    await expect(requestMic(fail('NotAllowedError'))).rejects.toMatchObject({ kind: 'blocked' });
    await expect(requestMic(fail('NotFoundError'))).rejects.toMatchObject({ kind: 'missing' });
    await expect(requestMic(fail('NotReadableError'))).rejects.toMatchObject({ kind: 'busy' });
    await expect(requestMic(fail('NotReadableError'))).rejects.toBeInstanceOf(MicError);
  });
});
