import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config';
import { freeAzuritePorts, startAzurite, type AzuriteHandle } from '../../api/local/azurite';
import { storageCheck } from '../smoke/checks/storage';
import { buildContext } from '../smoke/context';
import { runChecks } from '../smoke/runner';

const root = path.resolve(__dirname, '../..');
let azurite: AzuriteHandle;

beforeAll(async () => {
  azurite = await startAzurite({
    root,
    inMemory: true,
    ...(await freeAzuritePorts()),
  });
});
afterAll(async () => azurite?.stop());

function check(connectionString: string) {
  const env = {
    AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:9',
    AZURE_OPENAI_API_KEY: 'unused',
    AzureWebJobsStorage: connectionString,
  };
  const ctx = buildContext({ target: 'emulator', config: loadConfig(env), env, root, loopback: true });
  return runChecks([storageCheck(ctx)], { deadlineMs: 40_000 });
}

describe('smoke storage round trip', () => {
  it('writes, reads and deletes on Blob, Queue and Table', async () => {
    const [row] = await check(azurite.connectionString);
    expect(row).toMatchObject({ outcome: 'ok' });
    expect(row!.detail).toMatch(/blob write\/read\/delete · queue send\/receive\/delete · table write\/read\/delete/);
  }, 45_000);

  it('a refused account key fails every service with a 403 and says which setting holds the key', async () => {
    const wrongKey = azurite.connectionString.replace(
      /AccountKey=[^;]+/,
      `AccountKey=${Buffer.from('wrong').toString('base64')}`,
    );
    const [row] = await check(wrongKey);
    expect(row!.outcome).toBe('failed');
    expect(row!.detail).toMatch(/^blob: 403 \w+ · queue: 403 \w+ · table: 403$/);
    expect(row!.fix).not.toMatch(/;/);
    expect(row!.fix).toMatch(/refused the key in the AzureWebJobsStorage connection string/);
  }, 45_000);
});
