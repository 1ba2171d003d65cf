import { describe, expect, it } from 'vitest';
import { normaliseUsage } from '../../smoke/meter';
import { exitCode, formatTable, formatUsage, type SmokeReport } from '../../smoke/report';
import { azureSettings, emulatorSettings } from '../../smoke/settings';

const report = (outcomes: ('ok' | 'failed' | 'skipped')[]): SmokeReport => ({
  target: 'azure',
  describe: 'AZURE: https://res.openai.azure.com with API key',
  totalMs: 12_345,
  results: outcomes.map((outcome, i) => ({
    id: `c${i}`,
    title: `check ${i}`,
    outcome,
    latencyMs: 1500,
    detail: outcome === 'failed' ? 'Azure OpenAI has no deployment named "x".' : 'fine',
    ...(outcome === 'failed' ? { fix: 'set AZURE_OPENAI_CHAT_DEPLOYMENT to an existing chat deployment' } : {}),
  })),
});

describe('smoke report', () => {
  it('prints a failed row with its fix under it and a FAILED summary; exit code 1', () => {
    const r = report(['ok', 'failed', 'skipped']);
    const table = formatTable(r);
    const lines = table.split('\n');
    const failed = lines.findIndex((l) => l.startsWith('check 1'));
    expect(lines[failed]).toMatch(/FAILED\s+1\.5 s\s+—\s+Azure OpenAI has no deployment named "x"\./);
    expect(lines[failed + 1]).toMatch(/^\s+→ fix: set AZURE_OPENAI_CHAT_DEPLOYMENT/);
    expect(table).toMatch(/FAILED: 1 ok, 1 failed, 1 skipped in 12\.3 s$/);
    expect(exitCode(r)).toBe(1);
  });

  it('a skipped row (no image model) does not fail the run', () => {
    expect(exitCode(report(['ok', 'skipped']))).toBe(0);
    expect(formatTable(report(['ok', 'skipped']))).toMatch(/PASSED: 1 ok, 0 failed, 1 skipped/);
  });

  it('shows reasoning tokens apart, as usage.completion_tokens_details reports them', () => {
    const usage = normaliseUsage({
      prompt_tokens: 812,
      completion_tokens: 2400,
      completion_tokens_details: { reasoning_tokens: 1900 },
    });
    expect(formatUsage(usage && { ...usage, requests: 1 })).toBe('in 812 · out 2,400 (reasoning 1,900)');
    expect(normaliseUsage({ input_tokens: 60, output_tokens: 272 })).toEqual({ input: 60, output: 272 });
  });
});

describe('smoke settings', () => {
  it('after azd up: the environment wins over azd, azd over local.settings.json, and the deployed storage over Azurite', () => {
    const env = azureSettings({
      processEnv: { AZURE_OPENAI_CHAT_DEPLOYMENT: 'mine', AZURE_OPENAI_API_KEY: '' },
      azd: { AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com', AZURE_OPENAI_CHAT_DEPLOYMENT: 'azd' },
      localSettings: {
        AZURE_OPENAI_ENDPOINT: 'https://old.openai.azure.com',
        AzureWebJobsStorage: 'UseDevelopmentStorage=true',
        AzureWebJobsStorage__blobServiceUri: 'https://acct.blob.core.windows.net',
        AI_PROVIDER: 'offline',
      },
    });
    expect(env).toMatchObject({
      AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com',
      AZURE_OPENAI_CHAT_DEPLOYMENT: 'mine',
      AzureWebJobsStorage__blobServiceUri: 'https://acct.blob.core.windows.net',
      AI_PROVIDER: 'azure',
      AZURE_OPENAI_IMAGE_QUALITY: 'low',
    });
    expect(env).not.toHaveProperty('AzureWebJobsStorage');
    expect(env).not.toHaveProperty('AZURE_OPENAI_API_KEY');
  });

  it('an emulated run never inherits Azure endpoints, keys or storage', () => {
    const env = emulatorSettings(
      {
        AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com',
        AZURE_OPENAI_API_KEY: 'real-key',
        AzureWebJobsStorage__blobServiceUri: 'https://acct.blob.core.windows.net',
        AZURE_OPENAI_STRUCTURED_DEPLOYMENT: 'custom',
      },
      { url: 'http://127.0.0.1:5555', apiKey: 'emulator-key' },
      'UseDevelopmentStorage=true',
    );
    expect(env).toMatchObject({
      AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:5555',
      AZURE_OPENAI_API_KEY: 'emulator-key',
      AzureWebJobsStorage: 'UseDevelopmentStorage=true',
      AZURE_OPENAI_STRUCTURED_DEPLOYMENT: 'custom',
      AZURE_OPENAI_IMAGE_DEPLOYMENT: 'gpt-image-1-mini',
    });
    expect(env).not.toHaveProperty('AzureWebJobsStorage__blobServiceUri');
  });
});
