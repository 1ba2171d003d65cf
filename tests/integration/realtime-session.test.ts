import { HttpRequest, InvocationContext } from '@azure/functions';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config';
import { Health } from '../../api/contracts/health';
import { RealtimeSessionResponse } from '../../api/contracts/realtime';
import { TOOL_NAMES } from '../../api/contracts/tools';
import { buildDeps } from '../../api/deps';
import { getBuiltinMode } from '../../api/domain/modes/catalog';
import { REALTIME_SESSIONS_PER_MINUTE } from '../../api/domain/realtime/start-session';
import { healthGet } from '../../api/functions/health-get';
import { realtimeSessionPost } from '../../api/functions/realtime-session-post';
import { startFoundryEmulator, type FoundryEmulator } from '../fakes/foundry-emulator';
import { MemoryDocumentStore } from '../fakes/memory-document-store';

let emulator: FoundryEmulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

const ctx = () => new InvocationContext({ functionName: 'test', logHandler: () => {} });
const post = (body: unknown) =>
  new HttpRequest({
    method: 'POST',
    url: 'http://127.0.0.1/api/realtime/session',
    headers: { 'content-type': 'application/json' },
    body: { string: JSON.stringify(body) },
  });
const ask = { sessionId: 'session-voice-1', modeId: 'banking', personaSeed: 7 };

async function azureDeps(env: Record<string, string> = {}) {
  emulator = await startFoundryEmulator();
  const config = loadConfig({
    AZURE_OPENAI_ENDPOINT: emulator.url,
    AZURE_OPENAI_API_KEY: emulator.apiKey,
    AZURE_OPENAI_MAX_ATTEMPTS: '1',
    ...env,
  });
  return buildDeps(config, { store: new MemoryDocumentStore() });
}

const secretRequests = () => emulator!.requests.filter((r) => r.path === '/openai/v1/realtime/client_secrets');

describe('POST /api/realtime/session against the Foundry emulator', () => {
  it('returns only the secret, its expiry, the calls URL and the session limit — never instructions, the upstream object or a key', async () => {
    const deps = await azureDeps({ PRESTO_REALTIME_SESSION_SECONDS: '90' });
    const res = await realtimeSessionPost(() => deps)(post(ask), ctx());
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({ 'Cache-Control': 'no-store' });
    const body = RealtimeSessionResponse.parse(res.jsonBody);
    expect(Object.keys(res.jsonBody as object).sort()).toEqual([
      'callsUrl',
      'clientSecret',
      'expiresAt',
      'sessionMaxSeconds',
    ]);
    expect(body.clientSecret).toMatch(/^ek_/);
    expect(body.callsUrl).toBe(`${emulator!.url}/openai/v1/realtime/calls`);
    expect(body.sessionMaxSeconds).toBe(90);
    const lifetime = Date.parse(body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(30_000);
    expect(lifetime).toBeLessThanOrEqual(61_000);
    const text = JSON.stringify(res.jsonBody);
    expect(text).not.toContain(emulator!.apiKey);
    expect(text).not.toMatch(/instructions|You are the|gpt-realtime|"session"|tools/);
    // The secret works for a call: the emulator redeems it for the session the server built.
    expect(emulator!.realtime.redeem(body.clientSecret)?.instructions).toContain(
      `You are the ${getBuiltinMode('banking')!.companyName} assistant`,
    );
  });

  it('sends the whole session config from the server: server_vad, a transcription model, no noise reduction, the shared tools, the mode voice (2.4, 2.6)', async () => {
    const deps = await azureDeps();
    await realtimeSessionPost(() => deps)(post(ask), ctx());
    const sent = secretRequests()[0]?.body as { session: Record<string, any>; expires_after: unknown };
    expect(sent.expires_after).toEqual({ anchor: 'created_at', seconds: 60 });
    const session = sent.session;
    expect(session).toMatchObject({
      type: 'realtime',
      model: 'gpt-realtime',
      output_modalities: ['audio'],
      tool_choice: 'auto',
    });
    expect(session.audio.input.turn_detection).toMatchObject({
      type: 'server_vad',
      create_response: true,
      interrupt_response: true,
    });
    expect(session.audio.input.transcription).toEqual({ model: 'whisper-1' });
    expect(session.audio.input.noise_reduction).toBeUndefined();
    expect(session.audio.output.voice).toBe(getBuiltinMode('banking')!.voice);
    expect(session.tools.map((t: { name: string }) => t.name)).toEqual([...TOOL_NAMES]);
    for (const tool of session.tools) {
      expect(tool.type).toBe('function');
      expect(tool).not.toHaveProperty('strict');
    }
    expect(session).not.toHaveProperty('input_audio_transcription');
    expect(session).not.toHaveProperty('turn_detection');
    expect(session.instructions).toContain('Key figures:');
    expect(session.instructions).toMatch(/voice conversation/);
  });

  it('honours a voice override and the transcription model from config', async () => {
    const deps = await azureDeps({ AZURE_OPENAI_TRANSCRIPTION_MODEL: 'gpt-4o-mini-transcribe' });
    await realtimeSessionPost(() => deps)(post({ ...ask, voice: 'cedar' }), ctx());
    const session = (secretRequests()[0]?.body as { session: Record<string, any> }).session;
    expect(session.audio.output.voice).toBe('cedar');
    expect(session.audio.input.transcription.model).toBe('gpt-4o-mini-transcribe');
  });

  it('rate-limits sessions per conversation (429, retryable) and validates the body (400) and the mode (404)', async () => {
    const deps = await azureDeps();
    const handler = realtimeSessionPost(() => deps);
    for (let i = 0; i < REALTIME_SESSIONS_PER_MINUTE; i++) expect((await handler(post(ask), ctx())).status).toBe(200);
    const limited = await handler(post(ask), ctx());
    expect(limited.status).toBe(429);
    expect(limited.jsonBody).toMatchObject({ error: { code: 'rate_limited', retryable: true } });
    expect((await handler(post({ ...ask, sessionId: 'another-session' }), ctx())).status).toBe(200);
    expect((await handler(post({ ...ask, voice: 'robot' }), ctx())).status).toBe(400);
    expect((await handler(post({ modeId: 'banking' }), ctx())).status).toBe(400);
    expect((await handler(post({ ...ask, sessionId: 'third-session', modeId: 'no-such-mode' }), ctx())).status).toBe(
      404,
    );
  });

  it('names AZURE_OPENAI_REALTIME_DEPLOYMENT when the deployment does not exist (10.2)', async () => {
    const deps = await azureDeps({ AZURE_OPENAI_REALTIME_DEPLOYMENT: 'gpt-realtimee' });
    const res = await realtimeSessionPost(() => deps)(post(ask), ctx());
    expect(res.status).toBe(502);
    expect(res.jsonBody).toMatchObject({ error: { code: 'deployment_not_found' } });
    expect(JSON.stringify(res.jsonBody)).toContain('AZURE_OPENAI_REALTIME_DEPLOYMENT');
  });

  it('2.3: refuses a realtime region without gpt-realtime, and health says why voice is off', async () => {
    const deps = await azureDeps({ AZURE_OPENAI_REALTIME_REGION: 'westeurope' });
    const res = await realtimeSessionPost(() => deps)(post(ask), ctx());
    expect(res.status).toBe(503);
    expect(res.jsonBody).toMatchObject({ error: { code: 'voice_unavailable' } });
    expect(JSON.stringify(res.jsonBody)).toMatch(/westeurope.*swedencentral/);
    expect(secretRequests()).toHaveLength(0);
    const health = Health.parse(
      (await healthGet(() => deps)(new HttpRequest({ method: 'GET', url: 'http://127.0.0.1/api/health' }), ctx()))
        .jsonBody,
    );
    expect(health.voice).toMatchObject({
      available: false,
      reason: expect.stringMatching(/AZURE_OPENAI_REALTIME_REGION/),
    });
  });

  it('health: voice is available on the azure provider in a gpt-realtime region', async () => {
    const deps = await azureDeps({ AZURE_OPENAI_REALTIME_REGION: 'Sweden Central' });
    const health = Health.parse(
      (await healthGet(() => deps)(new HttpRequest({ method: 'GET', url: 'http://127.0.0.1/api/health' }), ctx()))
        .jsonBody,
    );
    expect(health.voice).toEqual({ available: true });
  });
});

describe('POST /api/realtime/session on the offline provider', () => {
  it('answers 503 JSON with a clear reason, and health agrees', async () => {
    const deps = buildDeps(loadConfig({ AI_PROVIDER: 'offline' }), { store: new MemoryDocumentStore() });
    const res = await realtimeSessionPost(() => deps)(post(ask), ctx());
    expect(res.status).toBe(503);
    expect(res.jsonBody).toMatchObject({
      error: { code: 'voice_unavailable', retryable: false, message: expect.stringMatching(/Azure provider/) },
    });
    const health = Health.parse(
      (await healthGet(() => deps)(new HttpRequest({ method: 'GET', url: 'http://127.0.0.1/api/health' }), ctx()))
        .jsonBody,
    );
    expect(health.voice.available).toBe(false);
    expect(health.voice.reason).toBe((res.jsonBody as { error: { message: string } }).error.message);
  });
});
