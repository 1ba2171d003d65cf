import type { OpenAI } from 'openai';
import type { Config } from '../../config';
import type { DeploymentHealth } from '../../contracts/health';
import { classifyAzureError } from './classify-error';
import { imageRoute } from './image-generator';
import type { OpenAiClientHolder } from './openai-client';
import { isDeploymentNotFound } from './realtime-errors';

const PROBE_TIMEOUT_MS = 8_000;
/** Probes cost a few tokens and the health route is anonymous: reuse a result for a minute. */
const CACHE_MS = 60_000;

type Role = DeploymentHealth['role'];
type Probe = (client: OpenAI, deployment: string) => Promise<unknown>;

const VARIABLES: Record<Role, Extract<keyof Config, `AZURE_${string}`>> = {
  chat: 'AZURE_OPENAI_CHAT_DEPLOYMENT',
  structured: 'AZURE_OPENAI_STRUCTURED_DEPLOYMENT',
  realtime: 'AZURE_OPENAI_REALTIME_DEPLOYMENT',
  image: 'AZURE_OPENAI_IMAGE_DEPLOYMENT',
};

const opts = (body: unknown) => ({ body, timeout: PROBE_TIMEOUT_MS, maxRetries: 0 });

/** The cheapest request that makes Azure resolve each deployment by name. */
function probes(
  config: Pick<Config, 'AZURE_OPENAI_ENDPOINT' | 'AZURE_OPENAI_API_VERSION' | 'AZURE_OPENAI_IMAGE_API'>,
): Record<Role, Probe> {
  const chat: Probe = (client, model) =>
    client.post(
      '/chat/completions',
      opts({ model, messages: [{ role: 'user', content: 'ping' }], max_completion_tokens: 16 }),
    );
  return {
    chat,
    structured: chat,
    // A 10-second ephemeral secret with only the fields Azure documents for the mint: resolves the
    // deployment and costs nothing (https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-webrtc).
    realtime: (client, model) =>
      client.post(
        '/realtime/client_secrets',
        opts({ session: { type: 'realtime', model }, expires_after: { anchor: 'created_at', seconds: 10 } }),
      ),
    // The surface the generator uses (imageRoute: v1 with the deployment as `model`, or the dated
    // route). The empty prompt is deliberately invalid: Azure resolves the deployment first (404 if
    // missing) and then refuses the body with 400, so nothing is generated and no image quota is spent.
    image: (client, deployment) => {
      const { url, model } = imageRoute(
        {
          endpoint: config.AZURE_OPENAI_ENDPOINT ?? '',
          api: config.AZURE_OPENAI_IMAGE_API,
          apiVersion: config.AZURE_OPENAI_API_VERSION,
        },
        deployment,
      );
      return client.post(url, opts({ ...(model ? { model } : {}), prompt: '', n: 1 }));
    },
  };
}

/**
 * The realtime probe's body is minimal and valid, so a refusal is never "found": Azure names a
 * missing deployment by its body code (`DeploymentNotFound`), with 404 or with 400, and any other
 * 400 means the deployment cannot mint voice sessions (for example, it is not a realtime model).
 */
function realtimeVerdict(deployment: string, error: unknown): Pick<DeploymentHealth, 'status' | 'message'> | undefined {
  if (isDeploymentNotFound(error)) return missing('realtime', deployment);
  const failure = classifyAzureError(error);
  if (failure.kind === 'rejected' || failure.kind === 'unsupported')
    return {
      status: 'error',
      message: `Azure refused a voice session for "${deployment}" (${failure.status}: ${failure.message}): check that ${VARIABLES.realtime} names a gpt-realtime deployment.`,
    };
  return undefined;
}

function missing(role: Role, deployment: string): Pick<DeploymentHealth, 'status' | 'message'> {
  return {
    status: 'missing',
    message: `No deployment named "${deployment}": set ${VARIABLES[role]} to the exact (case-sensitive) deployment name from the Foundry portal.`,
  };
}

function verdict(role: Role, deployment: string, error: unknown): Pick<DeploymentHealth, 'status' | 'message'> {
  if (role === 'realtime') {
    const realtime = realtimeVerdict(deployment, error);
    if (realtime) return realtime;
  }
  const failure = classifyAzureError(error);
  switch (failure.kind) {
    case 'missing':
      return missing(role, deployment);
    case 'unauthorized':
      return {
        status: 'unauthorized',
        message: `Azure refused the credentials (${failure.status}): check AZURE_OPENAI_API_KEY or the role of the AZURE_CREDENTIAL identity (Cognitive Services OpenAI User).`,
      };
    case 'auth':
      return { status: 'unauthorized', message: failure.error.message };
    case 'transient':
      return failure.status === 429
        ? { status: 'ok', message: 'Deployment found (it is rate limiting right now).' }
        : {
            status: 'unreachable',
            message: `Azure did not answer${failure.status ? ` (${failure.status})` : ''}: check AZURE_OPENAI_ENDPOINT and the network.`,
          };
    case 'content_filter':
    case 'unsupported':
    case 'rejected':
      // The deployment resolved; our probe was refused (as intended for images).
      return { status: 'ok', message: 'Deployment found.' };
    default:
      return { status: 'error', message: error instanceof Error ? error.message.slice(0, 200) : 'Unexpected failure.' };
  }
}

/**
 * `GET /api/health?deep=1`: asks Azure about each configured deployment and reports which one is
 * missing or misnamed, naming the variable to fix (docs/pitfalls.md 10.2). All probes run in parallel and
 * are bounded by a timeout.
 */
export class DeploymentsCheck {
  private cached?: { at: number; result: Promise<DeploymentHealth[]> };

  constructor(
    private readonly client: OpenAiClientHolder,
    private readonly config: Pick<
      Config,
      | 'AZURE_OPENAI_ENDPOINT'
      | 'AZURE_OPENAI_API_VERSION'
      | 'AZURE_OPENAI_IMAGE_API'
      | 'AZURE_OPENAI_CHAT_DEPLOYMENT'
      | 'AZURE_OPENAI_STRUCTURED_DEPLOYMENT'
      | 'AZURE_OPENAI_REALTIME_DEPLOYMENT'
      | 'AZURE_OPENAI_IMAGE_DEPLOYMENT'
    >,
    private readonly now: () => number = Date.now,
  ) {}

  check(): Promise<DeploymentHealth[]> {
    if (this.cached && this.now() - this.cached.at < CACHE_MS) return this.cached.result;
    const result = this.run();
    this.cached = { at: this.now(), result };
    return result;
  }

  private async run(): Promise<DeploymentHealth[]> {
    const table = probes(this.config);
    // An unset deployment is not probed: the image model is opt-in (health `images` says why).
    const configured = (Object.keys(VARIABLES) as Role[]).flatMap((role) => {
      const deployment = this.config[VARIABLES[role] as keyof typeof this.config];
      return deployment ? [{ role, deployment }] : [];
    });
    return Promise.all(
      configured.map(async ({ role, deployment }): Promise<DeploymentHealth> => {
        const variable = VARIABLES[role];
        try {
          await table[role](await this.client.get(), deployment);
          return { role, deployment, variable, status: 'ok', message: 'Deployment found.' };
        } catch (error) {
          return { role, deployment, variable, ...verdict(role, deployment, error) };
        }
      }),
    );
  }
}
