/// <reference types="vite/client" />
// (the voice client reads import.meta.env through web/src/api/client.ts)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mintSession } from '../../../web/src/realtime/voice-api';

const conversation = { sessionId: 'session-1', modeId: 'banking', personaSeed: 7 };
const minted = {
  clientSecret: 'ek_0123456789',
  expiresAt: '2026-12-03T10:00:00.000Z',
  callsUrl: 'https://example.openai.azure.com/openai/v1/realtime/calls',
  sessionMaxSeconds: 1800,
};

function answer(body: unknown) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 200 }));
}

afterEach(() => vi.unstubAllGlobals());

describe('mintSession (POST /api/realtime/session from the voice client)', () => {
  it('passes on the part of the session Azure refused in the mint, for the first session.update', async () => {
    const sessionUpdate = { type: 'realtime', tools: [{ type: 'function', name: 'show_chart' }] };
    answer({ ...minted, sessionUpdate });
    expect(await mintSession(conversation)).toEqual({ ...minted, sessionUpdate });
  });

  it('has no update when the mint carried the whole session', async () => {
    answer(minted);
    expect(await mintSession(conversation)).not.toHaveProperty('sessionUpdate');
  });

  it('refuses an update that is not a realtime session (it would be sent to Azure as is)', async () => {
    answer({ ...minted, sessionUpdate: { type: 'transcription' } });
    await expect(mintSession(conversation)).rejects.toMatchObject({ code: 'bad_response', retryable: true });
    answer({ ...minted, sessionUpdate: 'tools' });
    await expect(mintSession(conversation)).rejects.toMatchObject({ code: 'bad_response' });
  });
});
