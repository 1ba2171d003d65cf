import type { TokenCredential } from '@azure/identity';
import type { Config } from '../../config';
import { AzureAuthFailed } from './errors';

export type TokenProvider = () => Promise<string>;
export type IdentitySdk = typeof import('@azure/identity');
export type CredentialConfig = Pick<
  Config,
  'AZURE_CREDENTIAL' | 'AZURE_TENANT_ID' | 'AZURE_CLIENT_ID' | 'AZURE_CLIENT_SECRET'
>;

/** The Entra scope for Azure OpenAI / Foundry data-plane calls. */
export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';
const TOKEN_TIMEOUT_MS = 20_000;

let identity: Promise<IdentitySdk> | undefined;

/** @azure/identity costs ~200 ms to require: loaded on the first token request, once per process. */
export function loadIdentitySdk(): Promise<IdentitySdk> {
  identity ??= import('@azure/identity');
  return identity;
}

/** Human names of the credentials each AZURE_CREDENTIAL value tries, in order. */
export function credentialsTried(kind: CredentialConfig['AZURE_CREDENTIAL']): string[] {
  switch (kind) {
    case 'cli':
      return ['Azure CLI (az login)'];
    case 'managed-identity':
      return ['managed identity'];
    case 'client-secret':
      return ['client secret (service principal)'];
    case 'default':
      return ['Azure CLI (az login)', 'managed identity'];
  }
}

const HINTS: Record<CredentialConfig['AZURE_CREDENTIAL'], string> = {
  default:
    'Locally run `az login`; in Azure give the Function app a managed identity (AZURE_CLIENT_ID for a user-assigned one) with the "Cognitive Services OpenAI User" role. Or set AZURE_CREDENTIAL=client-secret with AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or AZURE_OPENAI_API_KEY.',
  cli: 'Run `az login` (and `az account set --subscription …`), or choose another AZURE_CREDENTIAL.',
  'managed-identity':
    'Managed identity exists only on Azure hosts (docs/pitfalls.md 1.3): locally use AZURE_CREDENTIAL=cli or default; in Azure enable the identity and set AZURE_CLIENT_ID for a user-assigned one.',
  'client-secret': 'Check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET.',
};

/**
 * An explicit credential instead of DefaultAzureCredential's long implicit chain (docs/pitfalls.md 1.1): the
 * default is local-first — Azure CLI, then managed identity (docs/pitfalls.md 1.3). Set AZURE_LOG_LEVEL=info
 * to have @azure/identity log each attempt.
 */
export function buildCredential(sdk: IdentitySdk, config: CredentialConfig): TokenCredential {
  const managed = () =>
    config.AZURE_CLIENT_ID
      ? new sdk.ManagedIdentityCredential({ clientId: config.AZURE_CLIENT_ID })
      : new sdk.ManagedIdentityCredential();
  const cli = () =>
    new sdk.AzureCliCredential({
      processTimeoutInMs: 10_000,
      ...(config.AZURE_TENANT_ID ? { tenantId: config.AZURE_TENANT_ID } : {}),
    });
  switch (config.AZURE_CREDENTIAL) {
    case 'cli':
      return cli();
    case 'managed-identity':
      return managed();
    case 'client-secret':
      // config.ts guarantees all three for client-secret.
      return new sdk.ClientSecretCredential(
        config.AZURE_TENANT_ID ?? '',
        config.AZURE_CLIENT_ID ?? '',
        config.AZURE_CLIENT_SECRET ?? '',
      );
    case 'default':
      return new sdk.ChainedTokenCredential(cli(), managed());
  }
}

/** The first line of each underlying failure (AggregateAuthenticationError lists one per credential). */
function causes(error: unknown): string {
  const list =
    error && typeof error === 'object' && 'errors' in error && Array.isArray(error.errors) ? error.errors : [error];
  return list
    .map((e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200))
    .join(' | ');
}

/** Explains a token failure: which credentials were tried, and what to set. */
export function authFailure(config: CredentialConfig, error: unknown): AzureAuthFailed {
  const tried = credentialsTried(config.AZURE_CREDENTIAL).join(', then ');
  return new AzureAuthFailed(
    `Could not get a Microsoft Entra token for Azure OpenAI (AZURE_CREDENTIAL=${config.AZURE_CREDENTIAL}; tried ${tried}). ${HINTS[config.AZURE_CREDENTIAL]} Details: ${causes(error)}`,
  );
}

/**
 * A bearer-token provider built once per process; every failure (or a token request that takes
 * longer than 20 s) becomes an AzureAuthFailed naming the chain.
 */
export function createTokenProvider(
  config: CredentialConfig,
  load: () => Promise<IdentitySdk> = loadIdentitySdk,
): TokenProvider {
  let provider: Promise<TokenProvider> | undefined;
  return async () => {
    provider ??= load().then((sdk) =>
      sdk.getBearerTokenProvider(buildCredential(sdk, config), COGNITIVE_SERVICES_SCOPE),
    );
    let timer: NodeJS.Timeout | undefined;
    try {
      const get = await provider;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no token after ${TOKEN_TIMEOUT_MS / 1000} s`)), TOKEN_TIMEOUT_MS);
      });
      return await Promise.race([get(), timeout]);
    } catch (error) {
      throw authFailure(config, error);
    } finally {
      clearTimeout(timer);
    }
  };
}
