import { createAzureAdapters, type AzureAdapters } from '../../api/adapters/azure/azure-adapters';
import type { StructuredCallUsage } from '../../api/adapters/azure/structured-model';
import { createTokenProvider } from '../../api/adapters/azure/credential';
import { createOpenAiClient } from '../../api/adapters/azure/openai-client';
import type { Config } from '../../api/config';
import { UsageMeter } from './meter';

/** Everything the checks share: the app's config, its Azure adapters (one SDK client), the usage meter. */
export interface SmokeContext {
  target: 'azure' | 'emulator';
  config: Config;
  /** The settings as resolved (for "is it set at all?" questions the parsed config cannot answer). */
  env: Readonly<Record<string, string | undefined>>;
  azure: AzureAdapters;
  meter: UsageMeter;
  /** The project root: package.json `main` names the compiled app there. */
  root: string;
  /** An emulated run's realtime peer needs loopback host candidates (no STUN on 127.0.0.1). */
  loopback: boolean;
  /** What the structured model reports per call (effort sent, budget, finish reason). */
  structuredCalls: StructuredCallUsage[];
}

/**
 * The app's own Azure adapters (chat model, structured model, realtime secrets, image generator),
 * built exactly as api/deps.ts builds them, except that their one SDK client reads through the
 * usage meter. Same auth: the API key, or a Microsoft Entra token from AZURE_CREDENTIAL (az login).
 */
export function buildContext(input: Omit<SmokeContext, 'azure' | 'meter' | 'structuredCalls'>): SmokeContext {
  const { config } = input;
  const endpoint = config.AZURE_OPENAI_ENDPOINT;
  if (!endpoint) throw new Error('buildContext needs AZURE_OPENAI_ENDPOINT');
  const meter = new UsageMeter();
  const structuredCalls: StructuredCallUsage[] = [];
  const apiKey = config.AZURE_OPENAI_API_KEY;
  const tokenProvider = apiKey ? undefined : createTokenProvider(config);
  const azure = createAzureAdapters(config, {
    // Into the report instead of the default log line (which would land in the middle of the table).
    onStructuredUsage: (usage) => structuredCalls.push(usage),
    buildClient: async () => {
      const client = await createOpenAiClient({
        endpoint,
        timeoutMs: config.AZURE_OPENAI_TIMEOUT_MS,
        ...(apiKey ? { apiKey } : { tokenProvider: tokenProvider! }),
      });
      // withOptions copies the client's options but passes apiKey as resolved so far, which would
      // replace a token provider with a placeholder: hand it the original again.
      return client.withOptions({ fetch: meter.fetch, apiKey: apiKey ?? tokenProvider! });
    },
  });
  return { ...input, azure, meter, structuredCalls };
}
