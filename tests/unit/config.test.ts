import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/config';
import { buildDeps } from '../../api/deps';

describe('loadConfig', () => {
  it('defaults to the offline provider with Azurite storage', () => {
    const config = loadConfig({});
    expect(config.provider).toBe('offline');
    expect(config.AzureWebJobsStorage).toBe('UseDevelopmentStorage=true');
    expect(config.AZURE_OPENAI_CHAT_DEPLOYMENT).toBe('model-router');
  });

  it('selects azure when an endpoint is set', () => {
    expect(loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com' }).provider).toBe('azure');
    expect(loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com', AI_PROVIDER: 'offline' }).provider).toBe(
      'offline',
    );
  });

  it('treats an empty AzureWebJobsStorage as unset when identity-based storage is configured (Flex re-adds it empty)', () => {
    const config = loadConfig({
      AzureWebJobsStorage: '',
      AzureWebJobsStorage__blobServiceUri: 'https://acct.blob.core.windows.net',
    });
    expect(config.AzureWebJobsStorage).toBeUndefined();
    expect(config.AzureWebJobsStorage__blobServiceUri).toBe('https://acct.blob.core.windows.net');
  });

  it('names every bad variable in one message', () => {
    expect(() =>
      loadConfig({
        AI_PROVIDER: 'gpt',
        AZURE_OPENAI_ENDPOINT: 'not a url',
        AZURE_OPENAI_CHAT_DEPLOYMENT: 'has spaces',
      }),
    ).toThrow(/AI_PROVIDER.*AZURE_OPENAI_ENDPOINT.*AZURE_OPENAI_CHAT_DEPLOYMENT/);
    expect(() => loadConfig({ AI_PROVIDER: 'azure' })).toThrow(ConfigError);
  });

  it('the azure provider gets the Azure adapters, never a silent offline fallback', () => {
    const deps = buildDeps(loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com' }));
    expect(deps.chatModel.provider).toBe('azure');
    expect(deps.structuredModel).toBeDefined();
  });
});
