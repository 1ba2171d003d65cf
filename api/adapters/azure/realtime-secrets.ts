import { z } from 'zod';
import { UpstreamUnavailable } from '../../domain/errors';
import type { MintedSecret, RealtimeSecrets } from '../../domain/ports';
import { movable, splitSession } from '../../domain/realtime/mint-split';
import type { RealtimeSessionConfig } from '../../domain/realtime/session-config';
import type { AzureCaller, DeploymentTarget } from './azure-caller';
import { DeploymentMissing } from './errors';
import { isDeploymentNotFound, refusedParameter } from './realtime-errors';
import { drain } from '../../domain/async/drain';

/**
 * The parts of Azure's answer we read: `{ value: "ek_…", expires_at?, session }`. Azure's sample
 * reads only `value` (https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-webrtc),
 * so a missing `expires_at` is not an error: the requested lifetime stands in for it.
 */
const ClientSecret = z.object({
  value: z.string().min(8).max(4096),
  expires_at: z.number().int().positive().optional(),
});

/** A session has fewer top-level fields than this; the bound keeps a confused upstream from looping us. */
const MAX_REFUSALS = 12;

/**
 * Ephemeral client secrets from Azure's GA endpoint `POST /openai/v1/realtime/client_secrets`
 * (https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-webrtc), through the shared
 * caller (retries, per-deployment slots, errors naming AZURE_OPENAI_REALTIME_DEPLOYMENT).
 *
 * Azure documents only `type`, `model`, `instructions` and `audio.output.voice` in the mint; the rest
 * of the GA session is OpenAI's shape. So the whole session is offered, and a field Azure refuses
 * (400 naming `session.<field>`, e.g. `unknown_parameter`) is left out and remembered for the
 * deployment: the mint is retried without it and the field comes back as `sessionUpdate`, which the
 * browser sends as `session.update` as soon as the data channel opens. `mint()` is the public API
 * (also used by `npm run smoke`): the secret, when it expires, and that remainder.
 */
export class AzureRealtimeSecrets implements RealtimeSecrets {
  readonly callsUrl: string;
  /** Session parameter paths (without `session.`) each deployment refused in a mint, for this process. */
  private readonly refused = new Map<string, Set<string>>();

  constructor(
    private readonly caller: AzureCaller,
    private readonly target: DeploymentTarget,
    endpoint: string,
    private readonly now: () => number = Date.now,
  ) {
    this.callsUrl = `${endpoint}/openai/v1/realtime/calls`;
  }

  async mint(session: RealtimeSessionConfig, ttlSeconds: number): Promise<MintedSecret> {
    const refused = this.refusedFor(this.target.deployment);
    const requestedAt = this.now();
    const release = await drain(this.caller.slot(this.target.deployment));
    try {
      for (let round = 0; ; round++) {
        // What this attempt leaves out; a concurrent mint may learn more meanwhile.
        const leftOut = new Set(refused);
        const split = splitSession(session, leftOut);
        const body = {
          session: split.mint,
          expires_after: { anchor: 'created_at' as const, seconds: ttlSeconds },
        };
        // Refusals come back as values: the caller would translate them, and we need the param.
        const outcome = await drain(
          this.caller.send(this.target, body, async (client, b, signal) => {
            try {
              return { answer: await client.realtime.clientSecrets.create(b as never, { signal }) };
            } catch (error) {
              if (refusedParameter(error) || isDeploymentNotFound(error)) return { refusal: error };
              throw error;
            }
          }),
        );
        if ('refusal' in outcome) {
          const param = refusedParameter(outcome.refusal);
          if (param && movable(param) && !leftOut.has(param) && round < MAX_REFUSALS) {
            refused.add(param);
            continue;
          }
          // A missing deployment, whatever status Azure answers it with (404, or 400 on some routes).
          if (isDeploymentNotFound(outcome.refusal))
            throw new DeploymentMissing(this.target.deployment, this.target.variable);
          throw this.caller.translate(outcome.refusal, this.target);
        }
        const answer = outcome.answer;
        return this.read(answer, requestedAt, ttlSeconds, split.update);
      }
    } finally {
      release();
    }
  }

  private read(
    answer: unknown,
    requestedAt: number,
    ttlSeconds: number,
    update: MintedSecret['sessionUpdate'],
  ): MintedSecret {
    const parsed = ClientSecret.safeParse(answer);
    if (!parsed.success)
      throw new UpstreamUnavailable(
        'Azure OpenAI answered the voice session request in an unexpected shape. Please try again.',
      );
    const expiresAt = new Date(
      parsed.data.expires_at !== undefined ? parsed.data.expires_at * 1000 : requestedAt + ttlSeconds * 1000,
    );
    return { value: parsed.data.value, expiresAt, ...(update ? { sessionUpdate: update } : {}) };
  }

  private refusedFor(deployment: string): Set<string> {
    let set = this.refused.get(deployment);
    if (!set) {
      set = new Set();
      this.refused.set(deployment, set);
    }
    return set;
  }
}
