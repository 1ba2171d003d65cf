import type { Mode } from '../../contracts/mode';
import type { Persona } from '../../contracts/persona';
import type { RealtimeSessionRequest, RealtimeSessionResponse, TranscriptionModel } from '../../contracts/realtime';
import { DomainError, NotFound } from '../errors';
import type { SlidingWindowLimiter } from '../guard/rate-limit';
import type { Clock, RealtimeSecrets } from '../ports';
import type { ModeCatalog } from '../tools/context';
import { voiceAvailability } from './availability';
import { buildRealtimeSession } from './session-config';

/**
 * The secret only has to last until the browser has posted its offer (a second or two); a short
 * life limits what a leaked secret is worth. 10 s is the API's minimum (openai-node
 * `src/resources/realtime/client-secrets.ts`, `expires_after.seconds`).
 */
export const CLIENT_SECRET_TTL_SECONDS = 60;

/** Sessions per conversation per minute: first connect, renewals, mode switches, a few retries. */
export const REALTIME_SESSIONS_PER_MINUTE = 8;

export class VoiceUnavailable extends DomainError {
  constructor(reason: string) {
    super('voice_unavailable', reason, 503, false);
  }
}

export class RealtimeRateLimited extends DomainError {
  constructor(readonly retryAfterMs: number) {
    super(
      'rate_limited',
      `Too many voice sessions in a short time; try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`,
      429,
      true,
    );
  }
}

export interface RealtimeSettings {
  provider: 'azure' | 'offline';
  realtimeRegion?: string | undefined;
  deployment: string;
  transcriptionModel: TranscriptionModel;
  sessionMaxSeconds: number;
}

export interface StartSessionDeps {
  modes: ModeCatalog;
  persona(mode: Mode, seed: number): Persona;
  secrets?: RealtimeSecrets | undefined;
  limiter: SlidingWindowLimiter;
  clock: Clock;
  settings: RealtimeSettings;
}

/**
 * Mints a voice session for one conversation: checks that voice can work here (provider, region —
 * docs/pitfalls.md 2.3), rate-limits per conversation, builds the whole session config on the server and
 * returns the secret, its expiry, the calls URL, the renewal deadline and — when Azure refused part
 * of the session in the mint — the rest for the browser's first `session.update`.
 */
export async function startRealtimeSession(
  request: RealtimeSessionRequest,
  deps: StartSessionDeps,
): Promise<RealtimeSessionResponse> {
  const availability = voiceAvailability(deps.settings);
  if (!availability.available || !deps.secrets)
    throw new VoiceUnavailable(availability.reason ?? 'Voice is not configured on this server.');
  const mode = await deps.modes.get(request.modeId);
  if (!mode) throw new NotFound(`Mode "${request.modeId}"`);
  const admitted = deps.limiter.take(request.sessionId, deps.clock.now().getTime());
  if (!admitted.ok) throw new RealtimeRateLimited(admitted.retryAfterMs);
  const session = buildRealtimeSession({
    mode,
    persona: deps.persona(mode, request.personaSeed),
    modes: await deps.modes.list(),
    deployment: deps.settings.deployment,
    transcriptionModel: deps.settings.transcriptionModel,
    voice: request.voice,
  });
  const secret = await deps.secrets.mint(session, CLIENT_SECRET_TTL_SECONDS);
  return {
    clientSecret: secret.value,
    expiresAt: secret.expiresAt.toISOString(),
    callsUrl: deps.secrets.callsUrl,
    sessionMaxSeconds: deps.settings.sessionMaxSeconds,
    ...(secret.sessionUpdate ? { sessionUpdate: secret.sessionUpdate } : {}),
  };
}
