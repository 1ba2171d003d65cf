import { randomUUID } from 'node:crypto';
import { createBilling } from '../../api/adapters/billing/create-billing';
import { TableApiKeyStore } from '../../api/adapters/storage/table-api-keys';
import { runKeysCommand } from '../../api/cli/keys-command';
import { loadConfig } from '../../api/config';
import { withBilling } from '../../api/http/with-billing';
import { percentile } from './stats';
import { startsNothing } from '../fakes/starts-nothing';

/**
 * What authentication + admission + metering add to one call (issue #8): the same trivial handler
 * with and without withBilling, against the runtime's Azurite tables, sequentially so the figure
 * is latency rather than queueing. Per call: one key read and two counter compare-and-swaps.
 */
export async function billingOverheadMs(
  storageConnectionString: string,
  n = 200,
): Promise<{ key: { p50: number; p95: number }; anonymous: { p50: number; p95: number } }> {
  // Loaded only now: importing @azure/functions before the local runtime registered the app would switch it to test mode.
  const { HttpRequest, InvocationContext } = await import('@azure/functions');
  const config = loadConfig({
    AzureWebJobsStorage: storageConnectionString,
    PRESTO_DEMO_REQUESTS_PER_MINUTE: '100000',
  });
  const billing = createBilling(config, { now: () => new Date() });
  const out = await runKeysCommand(
    ['create', '--name', 'bench', '--plan', 'pro'],
    new TableApiKeyStore(config),
    () => new Date(),
  );
  const key = /pco_[A-Za-z0-9_-]+/.exec(out)![0];
  // A generation reserved and given back (200 = served from the store) exercises admission and metering both.
  const bare = async () => ({ status: 200, jsonBody: { ok: true } });
  const billed = withBilling('generation', bare, () => ({ billing, ...startsNothing }));
  const request = (headers: Record<string, string>) =>
    new HttpRequest({
      method: 'POST',
      url: 'http://127.0.0.1/api/modes',
      headers: { 'content-type': 'application/json', ...headers },
      body: { string: '{"industry":"bakery","sessionId":"bench-visitor"}' },
    });
  const time = async (call: () => Promise<unknown>) => {
    const started = performance.now();
    await call();
    return performance.now() - started;
  };
  const added = async (headers: Record<string, string>) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const context = new InvocationContext({ invocationId: randomUUID() });
      const base = await time(() => bare());
      samples.push((await time(() => billed(request(headers), context))) - base);
    }
    return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  };
  await added({ 'x-api-key': key }); // warm the table clients
  return { key: await added({ 'x-api-key': key }), anonymous: await added({ 'x-forwarded-for': '203.0.113.5' }) };
}
