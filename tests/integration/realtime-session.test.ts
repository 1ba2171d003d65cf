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
import { toolsPost } from '../../api/functions/tools-post';
import { startFoundryEmulator, type FoundryEmulator } from '../fakes/foundry-emulator';
import { STRICT_REALTIME, type RealtimeStrictness } from '../fakes/foundry-emulator/realtime/strictness';
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

async function azureDeps(env: Record<string, string> = {}, strict: RealtimeStrictness = {}) {
  emulator = await startFoundryEmulator();
  emulator.realtime.strict(strict);
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
  it('returns the secret, its expiry, the calls URL and the session limit — never a key or the upstream object; a mint Azure takes whole needs no session.update', async () => {
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

const deepHealth = async (deps: ReturnType<typeof buildDeps>) =>
  Health.parse(
    (await healthGet(() => deps)(new HttpRequest({ method: 'GET', url: 'http://127.0.0.1/api/health?deep=1' }), ctx()))
      .jsonBody,
  );

/** The Azure the emulator holds us to in its strict modes (issue #11 item 3). */
describe('voice sessions against Azure as documented (strict emulator)', () => {
  it('a session field Azure refuses in the mint is left out, retried without, remembered for the deployment, and returned for session.update', async () => {
    const deps = await azureDeps({}, { sessionFields: true });
    const handler = realtimeSessionPost(() => deps);
    const res = await handler(post(ask), ctx());
    expect(res.status).toBe(200);
    const body = RealtimeSessionResponse.parse(res.jsonBody);
    const attempts = secretRequests();
    expect(attempts.length).toBeGreaterThan(1);
    // The mint Azure accepted carries only the fields its client_secrets table documents.
    const accepted = (attempts.at(-1)?.body as { session: Record<string, any> }).session;
    expect(Object.keys(accepted).sort()).toEqual(['audio', 'instructions', 'model', 'type']);
    expect(accepted.audio).toEqual({ output: { voice: getBuiltinMode('banking')!.voice } });
    expect(accepted.instructions).toContain(`You are the ${getBuiltinMode('banking')!.companyName} assistant`);
    // Everything else comes back for the browser to send first on the data channel.
    const update = body.sessionUpdate!;
    expect(update).toMatchObject({
      type: 'realtime',
      output_modalities: ['audio'],
      tool_choice: 'auto',
      audio: {
        input: {
          transcription: { model: 'whisper-1' },
          turn_detection: { type: 'server_vad', create_response: true, interrupt_response: true },
        },
        output: { voice: getBuiltinMode('banking')!.voice },
      },
    });
    expect(update.tools?.map((t) => t.name)).toEqual([...TOOL_NAMES]);
    expect(update).not.toHaveProperty('model');
    // Remembered: the next mint for this deployment goes straight to the accepted shape.
    const before = secretRequests().length;
    const again = RealtimeSessionResponse.parse(
      (await handler(post({ ...ask, sessionId: 'session-voice-2' }), ctx())).jsonBody,
    );
    expect(secretRequests().length - before).toBe(1);
    expect(again.sessionUpdate?.tools).toHaveLength(TOOL_NAMES.length);
  });

  it('visitors starting voice at the same moment all get a session while the deployment is still being learned', async () => {
    const deps = await azureDeps({}, { sessionFields: true });
    const handler = realtimeSessionPost(() => deps);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((visitor) => handler(post({ ...ask, sessionId: `session-together-${visitor}` }), ctx())),
    );
    for (const res of results) {
      expect(res.status).toBe(200);
      expect(RealtimeSessionResponse.parse(res.jsonBody).sessionUpdate?.tools).toHaveLength(TOOL_NAMES.length);
    }
  });

  it('an answer without expires_at is not an error: the requested 60-second lifetime stands in', async () => {
    const deps = await azureDeps({}, { omitExpiresAt: true });
    const started = Date.now();
    const res = await realtimeSessionPost(() => deps)(post(ask), ctx());
    expect(res.status).toBe(200);
    const body = RealtimeSessionResponse.parse(res.jsonBody);
    const lifetime = Date.parse(body.expiresAt) - started;
    expect(lifetime).toBeGreaterThanOrEqual(59_000);
    expect(lifetime).toBeLessThanOrEqual(61_000 + (Date.now() - started));
  });

  it('a missing realtime deployment answered 400 DeploymentNotFound is named as missing, in the mint and in the deep health check', async () => {
    const deps = await azureDeps({ AZURE_OPENAI_REALTIME_DEPLOYMENT: 'gpt-realtimee' }, STRICT_REALTIME);
    const res = await realtimeSessionPost(() => deps)(post(ask), ctx());
    expect(res.status).toBe(502);
    expect(res.jsonBody).toMatchObject({ error: { code: 'deployment_not_found' } });
    expect(JSON.stringify(res.jsonBody)).toContain('AZURE_OPENAI_REALTIME_DEPLOYMENT');
    const realtime = (await deepHealth(deps)).deployments?.find((d) => d.role === 'realtime');
    expect(realtime).toMatchObject({ status: 'missing', variable: 'AZURE_OPENAI_REALTIME_DEPLOYMENT' });
  });

  it('deep health: a realtime deployment Azure refuses voice sessions for is an error naming the variable, not "found"', async () => {
    const deps = await azureDeps({}, STRICT_REALTIME);
    emulator!.route({
      method: 'POST',
      pattern: /^\/openai\/v1\/realtime\/client_secrets$/,
      handler: (c) =>
        c.sendJson(400, {
          error: {
            message: "Invalid value: 'gpt-realtime'. This model does not support realtime sessions.",
            type: 'invalid_request_error',
            param: 'session.model',
            code: 'invalid_value',
          },
        }),
    });
    const realtime = (await deepHealth(deps)).deployments?.find((d) => d.role === 'realtime');
    expect(realtime?.status).toBe('error');
    expect(realtime?.message).toMatch(/AZURE_OPENAI_REALTIME_DEPLOYMENT/);
    expect(realtime?.message).toMatch(/does not support realtime/);
  });

  it("deep health: the realtime probe passes Azure's documented field set and finds an existing deployment", async () => {
    const deps = await azureDeps({}, STRICT_REALTIME);
    const realtime = (await deepHealth(deps)).deployments?.find((d) => d.role === 'realtime');
    expect(realtime).toMatchObject({ status: 'ok' });
  });
});

/**
 * Item 4 of issue #11: without `webrtcfilter=on` Azure sends the session (instructions, tools) to the
 * browser in `session.created`, and a refused field travels in our own response as `sessionUpdate`.
 * So whatever a visitor's voice session says must be safe for that visitor to read.
 */
describe('what a visitor can read of their voice session carries nothing secret (docs/pitfalls.md 8.2)', () => {
  it('no key, token, internal URL or storage setting, and nothing of another visitor: their persona, generated mode or audited tool calls', async () => {
    const deps = await azureDeps({}, { sessionFields: true });
    // Visitor A has designed a mode of their own and used a tool (an audit entry) before visitor B starts voice.
    await deps.store.putJson('modes/haunted-lighthouse.json', {
      ...getBuiltinMode('retail')!,
      id: 'haunted-lighthouse',
      name: 'Haunted Lighthouse Tours',
      companyName: 'Foghorn Spectral Tours',
      source: 'generated',
    });
    const visitorA = { sessionId: 'visitor-a-5f1c', modeId: 'haunted-lighthouse', personaSeed: 11 };
    const visitorB = { sessionId: 'visitor-b-93e0', modeId: 'banking', personaSeed: 4242 };
    const tool = await toolsPost(() => deps)(
      new HttpRequest({
        method: 'POST',
        url: 'http://127.0.0.1/api/tools/show_metrics',
        params: { name: 'show_metrics' },
        headers: { 'content-type': 'application/json' },
        body: { string: JSON.stringify({ ...visitorA, args: {} }) },
      }),
      ctx(),
      deps,
    );
    expect(tool.status).toBe(200);

    const handler = realtimeSessionPost(() => deps);
    /** All the browser can learn: the session Azure echoes in session.created, plus our sessionUpdate. */
    const visible = async (visitor: typeof visitorA) => {
      const res = await handler(post(visitor), ctx());
      expect(res.status).toBe(200);
      const body = RealtimeSessionResponse.parse(res.jsonBody);
      const echoed = emulator!.realtime.redeem(body.clientSecret);
      expect(echoed?.instructions).toBeTruthy();
      return JSON.stringify({ echoed, update: body.sessionUpdate });
    };
    const seenByA = await visible(visitorA);
    const seenByB = await visible(visitorB);

    const modeA = (await deps.modes.get('haunted-lighthouse'))!;
    const personaA = deps.persona(modeA, visitorA.personaSeed);
    const personaB = deps.persona(getBuiltinMode('banking')!, visitorB.personaSeed);
    expect(personaA.name).not.toBe(personaB.name);
    // Each visitor's own session is about them...
    expect(seenByA).toContain(personaA.name);
    expect(seenByA).toContain('Foghorn Spectral Tours');
    expect(seenByB).toContain(personaB.name);
    // ...and never about the other one.
    expect(seenByB).not.toContain(personaA.name);
    expect(seenByB).not.toContain('Foghorn Spectral Tours');
    expect(seenByB).not.toContain('Haunted Lighthouse');
    expect(seenByB).not.toContain(visitorA.sessionId);
    expect(seenByA).not.toContain(personaB.name);
    expect(seenByA).not.toContain(visitorB.sessionId);
    for (const seen of [seenByA, seenByB]) {
      expect(seen).not.toContain(emulator!.apiKey);
      expect(seen).not.toContain(emulator!.url);
      expect(seen).not.toMatch(/127\.0\.0\.1|https?:\/\/|localhost/);
      expect(seen).not.toMatch(/AccountKey|UseDevelopmentStorage|devstoreaccount1|blob\.core|SharedAccessSignature/i);
      expect(seen).not.toMatch(/\baudit\b|Bearer|api-key|ek_/i);
    }
  });
});
