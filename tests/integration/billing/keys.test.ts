import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../api/adapters/billing/key-material';
import { usageGet } from '../../../api/functions/usage-get';
import type { Deps } from '../../../api/deps';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { withBilling } from '../../../api/http/with-billing';
import { billingHarness, ctx, post, type BillingHarness } from '../billing.harness';
import { HttpRequest } from '@azure/functions';
import { startsNothing } from '../../fakes/starts-nothing';

let h: BillingHarness;
beforeAll(async () => void (h = await billingHarness()));
afterAll(async () => h?.azurite.stop());

const ok = async () => ({ status: 200, jsonBody: { fine: true } });

describe('API keys (Table Storage, hashes only) and the operator CLI', () => {
  it('create → the key works with x-ratelimit headers; set-plan changes the limit; revoke → 401 on the very next call', async () => {
    const billing = h.billing();
    const handler = withBilling('tool', ok, () => ({ billing, ...startsNothing }));
    const { key, id } = await h.createKey('starter');
    const first = await handler(post('tools/show_metrics', {}, { 'x-api-key': key }), ctx());
    expect(first.status).toBe(200);
    expect(new Headers(first.headers).get('x-ratelimit-limit')).toBe('60');
    expect(new Headers(first.headers).get('x-ratelimit-remaining')).toBe('59');
    expect(Number(new Headers(first.headers).get('x-ratelimit-reset'))).toBeGreaterThan(0);

    expect(await h.cli('list')).toMatch(new RegExp(`${id}\\s+starter\\s+active`));
    expect(await h.cli('set-plan', id, 'pro')).toContain('pro');
    expect(
      new Headers((await handler(post('tools/x', {}, { 'x-api-key': key }), ctx())).headers).get('x-ratelimit-limit'),
    ).toBe('600');

    await h.cli('revoke', id);
    const revoked = await handler(post('tools/x', {}, { 'x-api-key': key }), ctx());
    expect(revoked.status).toBe(401);
    expect(revoked.jsonBody).toMatchObject({ error: { code: 'invalid_api_key', retryable: false } });
    expect(await h.cli('list')).toMatch(new RegExp(`${id}\\s+pro\\s+revoked`));
  });

  it('stores only the SHA-256 of a key, never the key', async () => {
    const { key, id } = await h.createKey();
    const { TableClient } = await import('@azure/data-tables');
    const table = TableClient.fromConnectionString(h.azurite.connectionString, 'apikeys', {
      allowInsecureConnection: true,
    });
    const rows = [];
    for await (const row of table.listEntities()) rows.push(row);
    const mine = rows.find((r) => r.id === id)!;
    expect(mine.rowKey).toBe(sha256(key));
    expect(JSON.stringify(rows)).not.toContain(key);
  });

  it('a wrong key is 401 JSON; a bad CLI command is named', async () => {
    const billing = h.billing();
    const res = await withBilling('chat', ok, () => ({ billing, ...startsNothing }))(
      post('chat', {}, { 'x-api-key': 'pco_not-a-real-key' }),
      ctx(),
    );
    expect(res).toMatchObject({ status: 401, jsonBody: { error: { code: 'invalid_api_key' } } });
    await expect(h.cli('create', '--name', 'x', '--plan', 'gold')).rejects.toThrow(/plan/);
    await expect(h.cli('revoke', 'nope')).rejects.toThrow(/key id/);
  });

  it('GET /api/usage: per-day counters for a key; 401 without one', async () => {
    const billing = h.billing();
    const { key } = await h.createKey('free');
    // A route that starts a new design each time: it spends a generation on the way, as modes-post does.
    const banking = getBuiltinMode('banking')!;
    // A stand-in for the mode starter: every call starts a design, paying for it first.
    const designs: Deps['requestMode'] = async (_request, options) => {
      await options?.beforeStart?.();
      return { kind: 'ready', mode: banking };
    };
    const handler = withBilling(
      'generation',
      async (_request, _context, billed) => {
        await billed.requestMode({ industry: 'zoo', companyName: null });
        return { status: 202, jsonBody: {} };
      },
      () => ({ billing, ...startsNothing, requestMode: designs }),
    );
    await handler(post('modes', {}, { 'x-api-key': key }), ctx());
    await handler(post('modes', {}, { 'x-api-key': key }), ctx());
    const get = (headers: Record<string, string>) =>
      usageGet(() => ({ billing, ...startsNothing }))(
        new HttpRequest({ method: 'GET', url: 'http://127.0.0.1/api/usage?days=3', headers }),
        ctx(),
      );
    const res = await get({ 'x-api-key': key });
    expect(res.status).toBe(200);
    expect(res.jsonBody).toMatchObject({
      plan: 'free',
      days: [{ day: '2026-11-24', requests: 2, generations: 2, promptTokens: 0 }],
    });
    expect((await get({})).status).toBe(401);
  });
});
