import { z } from 'zod';
import { UpstreamUnavailable } from '../../domain/errors';
import type { RealtimeSecrets } from '../../domain/ports';
import type { RealtimeSessionConfig } from '../../domain/realtime/session-config';
import type { AzureCaller, DeploymentTarget } from './azure-caller';

/** The parts of Azure's answer we read: `{ value: "ek_…", expires_at, session }` (AZURE-FACTS §2). */
const ClientSecret = z.object({
  value: z.string().min(8).max(4096),
  expires_at: z.number().int().positive(),
});

/**
 * Ephemeral client secrets from Azure's GA endpoint `POST /openai/v1/realtime/client_secrets`
 * (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/realtime-audio-webrtc), with the
 * session config attached, through the shared caller (retries, per-deployment slots, errors naming
 * AZURE_OPENAI_REALTIME_DEPLOYMENT). Only the secret and its expiry leave this adapter: the upstream
 * session object (instructions, tools) never reaches the browser.
 */
export class AzureRealtimeSecrets implements RealtimeSecrets {
  readonly callsUrl: string;

  constructor(
    private readonly caller: AzureCaller,
    private readonly target: DeploymentTarget,
    endpoint: string,
  ) {
    this.callsUrl = `${endpoint}/openai/v1/realtime/calls`;
  }

  async mint(session: RealtimeSessionConfig, ttlSeconds: number): Promise<{ value: string; expiresAt: Date }> {
    const body = { session, expires_after: { anchor: 'created_at' as const, seconds: ttlSeconds } };
    const release = await drain(this.caller.slot(this.target.deployment));
    let answer: unknown;
    try {
      answer = await drain(
        this.caller.send(this.target, body, (client, b, signal) => client.realtime.clientSecrets.create(b, { signal })),
      );
    } catch (error) {
      throw this.caller.translate(error, this.target);
    } finally {
      release();
    }
    const parsed = ClientSecret.safeParse(answer);
    if (!parsed.success)
      throw new UpstreamUnavailable(
        'Azure OpenAI answered the voice session request in an unexpected shape. Please try again.',
      );
    return { value: parsed.data.value, expiresAt: new Date(parsed.data.expires_at * 1000) };
  }
}

/** Runs a status-yielding generator to its return value (a token request has no one to show them to). */
async function drain<T>(generator: AsyncGenerator<unknown, T>): Promise<T> {
  for (;;) {
    const step = await generator.next();
    if (step.done) return step.value;
  }
}
