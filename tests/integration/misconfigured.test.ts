// Issue #11 item 9: a bad setting is named at once. `npm start` (api/local) refuses to start and
// names the variable; where the host keeps running (Azure Functions), health and every other route
// answer 503 `misconfigured` with the variable, never 500 `internal`.
import { resolve } from 'node:path';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config';
import { ApiError } from '../../api/contracts/common';
import { buildDeps } from '../../api/deps';
import { healthGet } from '../../api/functions/health-get';
import { modesGet } from '../../api/functions/modes-get';
import { startLocal } from '../../api/local/run-local';

const BAD = { AZURE_OPENAI_ENDPOINT: 'http://example.com' };
const ctx = () => new InvocationContext({ functionName: 'test', logHandler: () => {} });
const get = (path: string) => new HttpRequest({ method: 'GET', url: `http://127.0.0.1/api/${path}` });
/** What getDeps() does on every request when the app settings are wrong. */
const misconfiguredDeps = () => buildDeps(loadConfig(BAD));

describe('a misconfigured app', () => {
  it('health answers 503 misconfigured naming the variable, without its value', async () => {
    const res = await healthGet(misconfiguredDeps)(get('health'), ctx());
    expect(res.status).toBe(503);
    const body = ApiError.parse(res.jsonBody);
    expect(body.error).toMatchObject({ code: 'misconfigured', retryable: false });
    expect(body.error.message).toMatch(/AZURE_OPENAI_ENDPOINT: use https:\/\//);
    expect(body.error.message).not.toContain('example.com');
    expect((res.jsonBody as { error: { variables: string[] } }).error.variables).toEqual(['AZURE_OPENAI_ENDPOINT']);
    expect(res.headers).toMatchObject({ 'Cache-Control': 'no-store' });
  });

  it('every other route gives the same named error', async () => {
    const res = await modesGet(misconfiguredDeps)(get('modes'), ctx());
    expect(res.status).toBe(503);
    expect(ApiError.parse(res.jsonBody).error.code).toBe('misconfigured');
    expect(ApiError.parse(res.jsonBody).error.message).toMatch(/AZURE_OPENAI_ENDPOINT/);
  });

  it('the local runtime (npm start) refuses to start and names the variable', async () => {
    const before = process.env.AZURE_OPENAI_ENDPOINT;
    await expect(
      startLocal({
        root: resolve(__dirname, '../fixtures/functions-app'),
        port: 0,
        inMemoryStorage: true,
        quiet: true,
        env: { ...BAD, PRESTO_DEMO_TOKENS_PER_DAY: 'lots' },
      }),
    ).rejects.toThrow(/AZURE_OPENAI_ENDPOINT: use https:\/\/.*PRESTO_DEMO_TOKENS_PER_DAY/);
    // Nothing is left behind: the settings it applied are undone (Azurite is stopped by the same path).
    expect(process.env.AZURE_OPENAI_ENDPOINT).toBe(before);
  }, 60_000);

  it('an empty variable does not stop the start: AZURE_OPENAI_ENDPOINT= is the offline engine', async () => {
    const runtime = await startLocal({
      root: resolve(__dirname, '../fixtures/functions-app'),
      port: 0,
      inMemoryStorage: true,
      quiet: true,
      env: { AZURE_OPENAI_ENDPOINT: '' },
    });
    try {
      expect(loadConfig().provider).toBe('offline');
    } finally {
      await runtime.stop();
    }
  }, 60_000);
});
