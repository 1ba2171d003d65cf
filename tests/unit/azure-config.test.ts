import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/config';

const azure = { AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com' };
const problem = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('Azure configuration (docs/pitfalls.md 10.1, 10.2)', () => {
  it('has working defaults: deployments, pinned api-version for dated routes, credential chain, limits', () => {
    expect(loadConfig(azure)).toMatchObject({
      AZURE_OPENAI_CHAT_DEPLOYMENT: 'model-router',
      AZURE_OPENAI_STRUCTURED_DEPLOYMENT: 'gpt-5-mini',
      AZURE_OPENAI_REALTIME_DEPLOYMENT: 'gpt-realtime',
      AZURE_OPENAI_API_VERSION: '2025-04-01-preview',
      AZURE_CREDENTIAL: 'default',
      AZURE_OPENAI_MAX_ATTEMPTS: 3,
    });
  });

  it('has no image deployment unless one is named: the GPT-image-1 series is limited access (issue #11 item 1)', () => {
    expect(loadConfig(azure).AZURE_OPENAI_IMAGE_DEPLOYMENT).toBeUndefined();
    expect(loadConfig({ ...azure, AZURE_OPENAI_IMAGE_DEPLOYMENT: '' }).AZURE_OPENAI_IMAGE_DEPLOYMENT).toBeUndefined();
    expect(
      loadConfig({ ...azure, AZURE_OPENAI_IMAGE_DEPLOYMENT: 'gpt-image-1-mini' }).AZURE_OPENAI_IMAGE_DEPLOYMENT,
    ).toBe('gpt-image-1-mini');
  });

  it('normalises the endpoint and refuses the common mistakes, naming the variable', () => {
    expect(loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com/' }).AZURE_OPENAI_ENDPOINT).toBe(
      'https://res.openai.azure.com',
    );
    expect(loadConfig({ AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:7123' }).AZURE_OPENAI_ENDPOINT).toBe(
      'http://127.0.0.1:7123',
    );
    expect(problem({ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com/openai/v1/' })).toMatch(
      /AZURE_OPENAI_ENDPOINT: give the resource root/,
    );
    expect(problem({ AZURE_OPENAI_ENDPOINT: 'http://res.openai.azure.com' })).toMatch(
      /AZURE_OPENAI_ENDPOINT: use https/,
    );
  });

  it('names each bad Azure variable: api-version, credential kind, deployment, limits', () => {
    const message = problem({
      ...azure,
      AZURE_OPENAI_API_VERSION: 'latest',
      AZURE_CREDENTIAL: 'browser',
      AZURE_OPENAI_IMAGE_DEPLOYMENT: 'gpt image',
      AZURE_OPENAI_MAX_ATTEMPTS: '50',
      AZURE_LOG_LEVEL: 'loud',
    });
    for (const name of [
      'AZURE_OPENAI_API_VERSION',
      'AZURE_CREDENTIAL',
      'AZURE_OPENAI_IMAGE_DEPLOYMENT',
      'AZURE_OPENAI_MAX_ATTEMPTS',
      'AZURE_LOG_LEVEL',
    ])
      expect(message).toContain(`${name}:`);
  });

  it('AZURE_CREDENTIAL=client-secret names each missing variable of the three', () => {
    const message = problem({ ...azure, AZURE_CREDENTIAL: 'client-secret', AZURE_TENANT_ID: 'tenant' });
    expect(message).toMatch(/AZURE_CLIENT_ID: required when AZURE_CREDENTIAL=client-secret/);
    expect(message).toMatch(/AZURE_CLIENT_SECRET: required/);
    expect(message).not.toMatch(/AZURE_TENANT_ID/);
  });
});
