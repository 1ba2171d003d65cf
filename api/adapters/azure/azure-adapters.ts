import type { OpenAI } from 'openai';
import type { Config } from '../../config';
import type { ChatModel, RealtimeSecrets, StructuredModel } from '../../domain/ports';
import { AzureCaller } from './azure-caller';
import { AzureChatModel } from './chat-model';
import { DeploymentLimiters } from './concurrency';
import { createTokenProvider, type IdentitySdk } from './credential';
import { DeploymentsCheck } from './deployments-check';
import { createOpenAiClient, OpenAiClientHolder } from './openai-client';
import { AzureRealtimeSecrets } from './realtime-secrets';
import { defaultRetryPolicy, type RetryPolicy } from './retry';
import { AzureStructuredModel, type StructuredCallUsage } from './structured-model';
import type { ImageGenerator } from '../../domain/ports';
import { AzureImageGenerator, IMAGE_SLOT_WAIT_MS, IMAGE_TIMEOUT_MS } from './image-generator';

export interface AzureAdapters {
  chatModel: ChatModel;
  structuredModel: StructuredModel;
  deployments: DeploymentsCheck;
  /** Only with AZURE_OPENAI_IMAGE_DEPLOYMENT: without one every chart is drawn locally (issue #11 item 1). */
  imageGenerator?: ImageGenerator;
  realtimeSecrets: RealtimeSecrets;
}

export interface AzureAdapterOptions {
  /** Builds the SDK client; tests count calls to prove it happens once per process (docs/pitfalls.md 6.2). */
  buildClient?: () => Promise<OpenAI>;
  retry?: Partial<RetryPolicy>;
  /** Loads @azure/identity (tests pass credentials that fail in a known way). */
  loadIdentity?: () => Promise<IdentitySdk>;
  /**
   * Each structured call's tokens, reasoning included (a meter, the smoke). The log line goes to the
   * caller's own log (`log` on StructuredModel.complete), never to stdout.
   */
  onStructuredUsage?: (usage: StructuredCallUsage) => void;
}

/**
 * Everything that talks to Azure OpenAI, sharing one SDK client, one credential, one set of
 * per-deployment limiters and one memory of refused parameters. Nothing here loads the SDKs:
 * that happens on the first call.
 */
export function createAzureAdapters(config: Config, options: AzureAdapterOptions = {}): AzureAdapters {
  const endpoint = config.AZURE_OPENAI_ENDPOINT;
  if (!endpoint) throw new Error('createAzureAdapters needs AZURE_OPENAI_ENDPOINT');
  const auth = config.AZURE_OPENAI_API_KEY
    ? { apiKey: config.AZURE_OPENAI_API_KEY }
    : { tokenProvider: createTokenProvider(config, options.loadIdentity) };
  const client = new OpenAiClientHolder(
    options.buildClient ?? (() => createOpenAiClient({ endpoint, timeoutMs: config.AZURE_OPENAI_TIMEOUT_MS, ...auth })),
  );
  const policy = { ...defaultRetryPolicy(config.AZURE_OPENAI_MAX_ATTEMPTS), ...options.retry };
  const caller = new AzureCaller(client, new DeploymentLimiters(config.AZURE_OPENAI_MAX_CONCURRENCY), policy);
  return {
    chatModel: new AzureChatModel(
      caller,
      { deployment: config.AZURE_OPENAI_CHAT_DEPLOYMENT, variable: 'AZURE_OPENAI_CHAT_DEPLOYMENT' },
      config.AZURE_OPENAI_TIMEOUT_MS,
    ),
    structuredModel: new AzureStructuredModel(
      caller,
      { deployment: config.AZURE_OPENAI_STRUCTURED_DEPLOYMENT, variable: 'AZURE_OPENAI_STRUCTURED_DEPLOYMENT' },
      {
        effort: config.AZURE_OPENAI_REASONING_EFFORT,
        ...(options.onStructuredUsage ? { onUsage: options.onStructuredUsage } : {}),
      },
    ),
    deployments: new DeploymentsCheck(client, config),
    ...(config.AZURE_OPENAI_IMAGE_DEPLOYMENT
      ? { imageGenerator: imageGenerator(config, config.AZURE_OPENAI_IMAGE_DEPLOYMENT, client, policy) }
      : {}),
    realtimeSecrets: new AzureRealtimeSecrets(
      caller,
      { deployment: config.AZURE_OPENAI_REALTIME_DEPLOYMENT, variable: 'AZURE_OPENAI_REALTIME_DEPLOYMENT' },
      endpoint,
    ),
  };
}

function imageGenerator(
  config: Config,
  deployment: string,
  client: OpenAiClientHolder,
  policy: RetryPolicy,
): ImageGenerator {
  // Its own caller: one image request in flight per deployment (6 requests/minute by default, docs/pitfalls.md 4.3).
  return new AzureImageGenerator(
    new AzureCaller(client, new DeploymentLimiters(1, IMAGE_SLOT_WAIT_MS), policy),
    { deployment, variable: 'AZURE_OPENAI_IMAGE_DEPLOYMENT' },
    {
      endpoint: config.AZURE_OPENAI_ENDPOINT!,
      api: config.AZURE_OPENAI_IMAGE_API,
      apiVersion: config.AZURE_OPENAI_API_VERSION,
      quality: config.AZURE_OPENAI_IMAGE_QUALITY,
      timeoutMs: Math.max(IMAGE_TIMEOUT_MS, config.AZURE_OPENAI_TIMEOUT_MS),
    },
  );
}
