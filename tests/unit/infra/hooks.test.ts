import { describe, expect, it } from 'vitest';
import {
  allowConnectTo,
  allowVoiceTo,
  httpsOrigin,
  LOCAL_SETTING_NAMES,
  mergeLocalSettings,
  parseEnvValues,
  setApiBase,
} from '../../../infra/hooks/lib.mjs';
import { SWA_CONFIG_SOURCE } from '../../../api/local/swa-config';
import { read } from './bicep-text';

const API = 'https://func-abc123.azurewebsites.net';

describe('azd hook helpers (infra/hooks/lib.mjs)', () => {
  it('parses `azd env get-values` output, quotes and escapes included', () => {
    const values = parseEnvValues(
      'AI_PROVIDER="azure"\r\n# comment\nEMPTY=""\nQUOTED="say \\"hi\\""\nPLAIN=x=y\n\nbad line\n',
    );
    expect(values).toEqual({ AI_PROVIDER: 'azure', EMPTY: '', QUOTED: 'say "hi"', PLAIN: 'x=y' });
  });

  it('merges outputs into local.settings.json, keeping other values and local storage', () => {
    const existing = {
      IsEncrypted: false,
      Values: { AzureWebJobsStorage: 'UseDevelopmentStorage=true', AI_PROVIDER: 'offline', MY_FLAG: '1' },
      Host: { LocalHttpPort: 7071 },
    };
    const env = {
      ai_provider: 'azure', // ARM can lose output-name casing (Azure/azure-dev#512)
      AZURE_OPENAI_ENDPOINT: 'https://ai-x.openai.azure.com',
      AZURE_OPENAI_CHAT_DEPLOYMENT: 'model-router',
      AZURE_OPENAI_STRUCTURED_DEPLOYMENT: 'gpt-5-mini',
      AZURE_OPENAI_REALTIME_DEPLOYMENT: 'gpt-realtime',
      AZURE_OPENAI_REALTIME_REGION: 'swedencentral',
      AZURE_OPENAI_IMAGE_DEPLOYMENT: 'gpt-image-1-mini',
      AZURE_OPENAI_API_VERSION: '2025-04-01-preview',
      AzureWebJobsStorage__blobServiceUri: 'https://stx.blob.core.windows.net/',
      AzureWebJobsStorage__queueServiceUri: 'https://stx.queue.core.windows.net/',
      AzureWebJobsStorage__tableServiceUri: 'https://stx.table.core.windows.net/',
      PRESTO_BLOB_CONTAINER: 'presto',
      AZURE_SUBSCRIPTION_ID: 'not copied',
      API_URL: API,
    };
    const { settings, missing } = mergeLocalSettings(existing, env);
    expect(missing).toEqual([]);
    expect(settings.Host).toEqual({ LocalHttpPort: 7071 });
    expect(settings.Values).toMatchObject({
      AI_PROVIDER: 'azure',
      MY_FLAG: '1',
      AzureWebJobsStorage: 'UseDevelopmentStorage=true',
      FUNCTIONS_WORKER_RUNTIME: 'node',
    });
    expect(settings.Values).not.toHaveProperty('ai_provider');
    expect(settings.Values).not.toHaveProperty('AZURE_SUBSCRIPTION_ID');
    expect(settings.Values).not.toHaveProperty('API_URL');
  });

  it('with imageModel=none: an empty image deployment is not missing, and an old one is removed (issue #11 item 1)', () => {
    const full = Object.fromEntries(LOCAL_SETTING_NAMES.map((name) => [name, 'x']));
    const existing = { Values: { AZURE_OPENAI_IMAGE_DEPLOYMENT: 'gpt-image-1-mini', MY_FLAG: '1' } };
    const { settings, missing } = mergeLocalSettings(existing, { ...full, AZURE_OPENAI_IMAGE_DEPLOYMENT: '' });
    expect(missing).toEqual([]);
    expect(settings.Values).not.toHaveProperty('AZURE_OPENAI_IMAGE_DEPLOYMENT');
    expect(settings.Values.MY_FLAG).toBe('1');
  });

  it('names every output the azd environment lacks', () => {
    const { missing } = mergeLocalSettings(null, { AI_PROVIDER: 'azure', AZURE_OPENAI_ENDPOINT: '' });
    expect(missing).toContain('AZURE_OPENAI_ENDPOINT');
    expect(missing).toContain('PRESTO_BLOB_CONTAINER');
    expect(missing).not.toContain('AI_PROVIDER');
  });

  it('accepts only https API URLs, reduced to their origin', () => {
    expect(httpsOrigin(`${API}/api/`)).toBe(API);
    expect(() => httpsOrigin('http://func.azurewebsites.net')).toThrow(/https/);
    expect(() => httpsOrigin('func.azurewebsites.net')).toThrow(/not a URL/);
  });

  it('sets the API base in the real web/index.html, repeatably', () => {
    const html = read('web/index.html');
    const once = setApiBase(html, API);
    expect(once).toContain(`<meta name="presto-api-base" content="${API}" />`);
    expect(setApiBase(once, API)).toBe(once);
    expect(() => setApiBase('<html><head></head></html>', API)).toThrow(/presto-api-base/);
    // …and the SPA still reads that meta at runtime.
    expect(read('web/src/api/client.ts')).toContain('meta[name="presto-api-base"]');
  });

  it('adds the Function app to connect-src of the real staticwebapp.config.json, once', () => {
    const once = allowConnectTo(read(SWA_CONFIG_SOURCE), API);
    const csp = (JSON.parse(once) as { globalHeaders: Record<string, string> }).globalHeaders[
      'Content-Security-Policy'
    ]!;
    const connect = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('connect-src'))!;
    expect(connect.split(/\s+/)).toEqual(expect.arrayContaining(["'self'", API]));
    // Chart images load from the Function app too (issue #6).
    const img = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('img-src'))!;
    expect(img.split(/\s+/)).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:', API]));
    expect(allowConnectTo(once, API)).toBe(once);
    expect(csp).toContain("default-src 'self'");
  });

  it('adds the Azure OpenAI endpoint (voice SDP offers) to connect-src only, whatever its domain, once', () => {
    const endpoint = 'https://presto-ai.cognitiveservices.azure.com/';
    const once = allowVoiceTo(allowConnectTo(read(SWA_CONFIG_SOURCE), API), endpoint);
    const csp = (JSON.parse(once) as { globalHeaders: Record<string, string> }).globalHeaders[
      'Content-Security-Policy'
    ]!;
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(name))!
        .split(/\s+/);
    expect(directive('connect-src')).toEqual(
      expect.arrayContaining(["'self'", API, 'https://presto-ai.cognitiveservices.azure.com']),
    );
    expect(directive('img-src')).not.toContain('https://presto-ai.cognitiveservices.azure.com');
    expect(allowVoiceTo(once, endpoint)).toBe(once);
    expect(() => allowVoiceTo(once, 'http://insecure.example')).toThrow(/AZURE_OPENAI_ENDPOINT must be https/);
  });

  it('adds a connect-src when the CSP has none, and leaves a config without CSP alone', () => {
    const withCsp = JSON.stringify({ globalHeaders: { 'content-security-policy': "default-src 'self'" } });
    expect(allowConnectTo(withCsp, API)).toContain(`connect-src 'self' ${API}`);
    const without = JSON.stringify({ routes: [] });
    expect(allowConnectTo(without, API)).toBe(without);
  });
});
