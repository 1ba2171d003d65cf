import * as identity from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { buildCredential, createTokenProvider } from '../../../../api/adapters/azure/credential';
import { loadConfig } from '../../../../api/config';
import { identityWhere } from '../../../fakes/failing-identity';

const config = (env: Record<string, string>) =>
  loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com', ...env });

describe('credentials (docs/pitfalls.md 1.1, 1.3)', () => {
  it('the default is a local-first chain: Azure CLI, then managed identity', () => {
    const credential = buildCredential(identity, config({}));
    expect(credential).toBeInstanceOf(identity.ChainedTokenCredential);
    const sources = (credential as unknown as { _sources: unknown[] })._sources;
    expect(sources.map((s) => (s as object).constructor.name)).toEqual([
      'AzureCliCredential',
      'ManagedIdentityCredential',
    ]);
  });

  it('AZURE_CREDENTIAL picks one credential explicitly', () => {
    expect(buildCredential(identity, config({ AZURE_CREDENTIAL: 'cli' }))).toBeInstanceOf(identity.AzureCliCredential);
    expect(
      buildCredential(
        identity,
        config({ AZURE_CREDENTIAL: 'managed-identity', AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000001' }),
      ),
    ).toBeInstanceOf(identity.ManagedIdentityCredential);
    const secret = {
      AZURE_CREDENTIAL: 'client-secret',
      AZURE_TENANT_ID: 't',
      AZURE_CLIENT_ID: 'c',
      AZURE_CLIENT_SECRET: 's',
    };
    expect(buildCredential(identity, config(secret))).toBeInstanceOf(identity.ClientSecretCredential);
  });

  it('a failed chain names every credential tried, why each failed, and what to set', async () => {
    const error = await createTokenProvider(config({}), identityWhere({}))().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'azure_auth_failed' });
    const message = (error as Error).message;
    expect(message).toContain('AZURE_CREDENTIAL=default; tried Azure CLI (az login), then managed identity');
    expect(message).toMatch(/Azure CLI could not be found.*Network unreachable/);
    expect(message).toMatch(/az login/);
    expect(message).toMatch(/AZURE_OPENAI_API_KEY/);
  });

  it('managed identity on a laptop explains that it only exists on Azure hosts', async () => {
    const error = (await createTokenProvider(
      config({ AZURE_CREDENTIAL: 'managed-identity' }),
      identityWhere({}),
    )().catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/tried managed identity\)/);
    expect(error.message).toMatch(/only on Azure hosts.*AZURE_CREDENTIAL=cli/);
  });
});
