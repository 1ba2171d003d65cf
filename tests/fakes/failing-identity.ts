import * as identity from '@azure/identity';
import type { IdentitySdk } from '../../api/adapters/azure/credential';

/** The real @azure/identity, with the leaf credentials failing the way they do on a laptop without az or IMDS. */
export function identityWhere(failures: { cli?: string; managed?: string }): () => Promise<IdentitySdk> {
  const failing = (message: string) =>
    class {
      async getToken(): Promise<never> {
        throw new identity.CredentialUnavailableError(message);
      }
    };
  const sdk = {
    ...identity,
    AzureCliCredential: failing(
      failures.cli ??
        'Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions.',
    ),
    ManagedIdentityCredential: failing(
      failures.managed ?? 'ManagedIdentityCredential: Network unreachable. Message: network_error',
    ),
  } as unknown as IdentitySdk;
  return async () => sdk;
}
