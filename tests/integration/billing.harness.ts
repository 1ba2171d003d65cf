import { randomUUID } from 'node:crypto';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { createBilling } from '../../api/adapters/billing/create-billing';
import { TableApiKeyStore } from '../../api/adapters/storage/table-api-keys';
import { runKeysCommand } from '../../api/cli/keys-command';
import { loadConfig, type Config } from '../../api/config';
import { freeAzuritePorts, startAzurite, type AzuriteHandle } from '../../api/local/azurite';

/** Each call its own invocation id, as in the host (the test-mode default is one fixed id). */
export const ctx = (invocationId: string = randomUUID()) =>
  new InvocationContext({ functionName: 'test', logHandler: () => {}, invocationId });

export function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new HttpRequest({
    method: 'POST',
    url: `http://127.0.0.1/api/${path}`,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9', ...headers },
    body: { string: JSON.stringify(body) },
  });
}

export async function bodyText(res: HttpResponseInit): Promise<string> {
  let text = '';
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) text += new TextDecoder().decode(chunk);
  return text;
}

/** A fixed instant mid-minute, so a test never straddles a rate window. */
export const fixedClock = { now: () => new Date('2026-11-24T10:00:05Z') };

export interface BillingHarness {
  azurite: AzuriteHandle;
  config(env?: Record<string, string>): Config;
  keys: TableApiKeyStore;
  /** Runs the operator CLI and returns the printed key (create) or text. */
  cli(...argv: string[]): Promise<string>;
  createKey(plan?: string): Promise<{ key: string; id: string }>;
  billing(env?: Record<string, string>): ReturnType<typeof createBilling>;
}

export async function billingHarness(): Promise<BillingHarness> {
  const azurite = await startAzurite({
    inMemory: true,
    ...(await freeAzuritePorts()),
  });
  const config = (env: Record<string, string> = {}) =>
    loadConfig({
      AzureWebJobsStorage: azurite.connectionString,
      AI_PROVIDER: 'offline',
      PRESTO_OFFLINE_CHUNK_MS: '0',
      ...env,
    });
  const keys = new TableApiKeyStore(config());
  const cli = (...argv: string[]) => runKeysCommand(argv, keys, () => fixedClock.now());
  return {
    azurite,
    config,
    keys,
    cli,
    async createKey(plan = 'starter') {
      const out = await cli('create', '--name', 'acme', '--plan', plan);
      return { key: /pco_[A-Za-z0-9_-]+/.exec(out)![0], id: /key_[0-9a-f]{12}/.exec(out)![0] };
    },
    billing: (env = {}) => createBilling(config(env), fixedClock),
  };
}
