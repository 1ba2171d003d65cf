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

describe('the voice client shares the SPA fetch helper (web/src/api/client.ts)', () => {
  it('reads an error body like every other call: a daily limit offers no Retry in voice either', async () => {
    const body = {
      error: {
        code: 'daily_limit',
        message: "Today's voice minutes are spent.",
        retryable: true,
        retryAfterSeconds: 3600,
      },
    };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 429 }));
    await expect(mintSession(conversation)).rejects.toMatchObject({
      code: 'daily_limit',
      message: "Today's voice minutes are spent.",
      retryable: false,
      status: 429,
    });
  });

  it('says the server could not be reached when the connection fails, and passes an abort on as an abort', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(mintSession(conversation)).rejects.toMatchObject({ code: 'network', retryable: true });
    const ac = new AbortController();
    ac.abort();
    vi.stubGlobal('fetch', async () => Promise.reject(new DOMException('aborted', 'AbortError')));
    await expect(mintSession(conversation, ac.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
