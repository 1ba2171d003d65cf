import * as identity from '@azure/identity';
import { afterEach, describe, expect, it } from 'vitest';
import { COGNITIVE_SERVICES_SCOPE, type IdentitySdk } from '../../api/adapters/azure/credential';
import { identityWhere } from '../fakes/failing-identity';
import { azureHarness, ofType, textOf, type AzureHarness } from './azure-harness';

let h: AzureHarness;
afterEach(async () => h?.stop());

describe('Microsoft Entra auth against the emulator', () => {
  it('sends a bearer token for the Cognitive Services scope when no key is set (and no api-key header)', async () => {
    const scopes: string[] = [];
    class TokenCredential {
      async getToken(scope: string | string[]) {
        scopes.push(...[scope].flat());
        return { token: 'entra-token-1', expiresOnTimestamp: Date.now() + 3_600_000 };
      }
    }
    const sdk = {
      ...identity,
      AzureCliCredential: TokenCredential,
      ManagedIdentityCredential: TokenCredential,
    } as unknown as IdentitySdk;
    h = await azureHarness({
      keyAuth: false,
      identity: async () => sdk,
      emulator: { bearerTokens: ['entra-token-1'] },
    });
    h.emulator.enqueue({ kind: 'text', text: 'Signed in.' });
    expect(textOf(await h.chat('hi'))).toBe('Signed in.');
    expect(h.emulator.requests[0]!.headers.authorization).toBe('Bearer entra-token-1');
    expect(h.emulator.requests[0]!.headers['api-key']).toBeUndefined();
    expect(scopes).toContain(COGNITIVE_SERVICES_SCOPE);
  });

  it('1.1: when every credential fails the chat gets an error naming the chain and what to set, not a 500', async () => {
    h = await azureHarness({ keyAuth: false, identity: identityWhere({}) });
    const error = ofType(await h.chat('hi'), 'error')[0];
    expect(error).toMatchObject({ code: 'azure_auth_failed', retryable: false });
    expect(error?.message).toMatch(/tried Azure CLI \(az login\), then managed identity/);
    expect(h.emulator.requests).toHaveLength(0);
  });
});
