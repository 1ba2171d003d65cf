import type { OpenAI } from 'openai';
import type { Config } from '../../config';
import type { DeploymentHealth } from '../../contracts/health';
import { classifyAzureError } from './classify-error';
import type { OpenAiClientHolder } from './openai-client';

const PROBE_TIMEOUT_MS = 8_000;
/** Probes cost a few tokens and the health route is anonymous: reuse a result for a minute. */
const CACHE_MS = 60_000;

type Role = DeploymentHealth['role'];
type Probe = (client: OpenAI, deployment: string) => Promise<unknown>;

const VARIABLES: Record<Role, keyof Config & string> = {
  chat: 'AZURE_OPENAI_CHAT_DEPLOYMENT',
  structured: 'AZURE_OPENAI_STRUCTURED_DEPLOYMENT',
  realtime: 'AZURE_OPENAI_REALTIME_DEPLOYMENT',
  image: 'AZURE_OPENAI_IMAGE_DEPLOYMENT',
};

const opts = (body: unknown) => ({ body, timeout: PROBE_TIMEOUT_MS, maxRetries: 0 });

/** The cheapest request that makes Azure resolve each deployment by name. */
function probes(config: Pick<Config, 'AZURE_OPENAI_ENDPOINT' | 'AZURE_OPENAI_API_VERSION'>): Record<Role, Probe> {
  const chat: Probe = (client, model) =>
    client.post(
      '/chat/completions',
      opts({ model, messages: [{ role: 'user', content: 'ping' }], max_completion_tokens: 16 }),
    );
  return {
    chat,
    structured: chat,
    // A 10-second ephemeral secret: resolves the deployment and costs nothing (AZURE-FACTS §2).
    realtime: (client, model) =>
      client.post(
        '/realtime/client_secrets',
        opts({ session: { type: 'realtime', model }, expires_after: { anchor: 'created_at', seconds: 10 } }),
      ),
    // Images live on the dated deployment route (AZURE-FACTS §3). The empty prompt is deliberately
    // invalid: routing resolves the deployment in the path (404 if missing) and then the request is
    // refused with 400, so nothing is generated and no image quota is spent.
    image: (client, deployment) =>
      client.post(
        `${config.AZURE_OPENAI_ENDPOINT}/openai/deployments/${encodeURIComponent(deployment)}/images/generations?api-version=${config.AZURE_OPENAI_API_VERSION}`,
        opts({ prompt: '', n: 1 }),
      ),
  };
}

function verdict(role: Role, deployment: string, error: unknown): Pick<DeploymentHealth, 'status' | 'message'> {
  const variable = VARIABLES[role];
  const failure = classifyAzureError(error);
  switch (failure.kind) {
    case 'missing':
      return {
        status: 'missing',
        message: `No deployment named "${deployment}": set ${variable} to the exact (case-sensitive) deployment name from the Foundry portal.`,
      };
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
 * missing or misnamed, naming the variable to fix (PITFALLS 10.2). All probes run in parallel and
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
