import { HttpRequest, InvocationContext } from '@azure/functions';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config';
import { Health } from '../../api/contracts/health';
import { buildDeps } from '../../api/deps';
import { healthGet } from '../../api/functions/health-get';
import { MemoryDocumentStore } from '../fakes/memory-document-store';
import { emulatedAzureEnv, startFoundryEmulator, type FoundryEmulator } from '../fakes/foundry-emulator';

let emulator: FoundryEmulator;
afterEach(async () => emulator?.stop());

async function health(env: Record<string, string>, query = '') {
  const config = loadConfig({ ...emulatedAzureEnv(emulator), ...env });
  const deps = buildDeps(config, { store: new MemoryDocumentStore() });
  const res = await healthGet(() => deps)(
    new HttpRequest({ method: 'GET', url: `http://127.0.0.1/api/health${query}` }),
    new InvocationContext({ logHandler: () => {} }),
  );
  return Health.parse(res.jsonBody);
}

describe('GET /api/health?deep=1 (docs/pitfalls.md 10.2)', () => {
  it('the shallow check stays fast: it never calls Azure', async () => {
    emulator = await startFoundryEmulator();
    const body = await health({});
    expect(body).toMatchObject({ status: 'ok', provider: 'azure' });
    expect(body.deployments).toBeUndefined();
    expect(body.hint).toBeUndefined();
    expect(emulator.requests).toHaveLength(0);
  });

  it('probes each configured deployment and names the variable of the one that is misnamed', async () => {
    emulator = await startFoundryEmulator();
    const body = await health({ AZURE_OPENAI_STRUCTURED_DEPLOYMENT: 'gpt-5-minii' }, '?deep=1');
    expect(body.status).toBe('degraded');
    const byRole = Object.fromEntries((body.deployments ?? []).map((d) => [d.role, d]));
    expect(byRole.structured).toMatchObject({
      deployment: 'gpt-5-minii',
      variable: 'AZURE_OPENAI_STRUCTURED_DEPLOYMENT',
      status: 'missing',
    });
    expect(byRole.structured?.message).toMatch(/AZURE_OPENAI_STRUCTURED_DEPLOYMENT/);
    for (const role of ['chat', 'realtime', 'image'] as const) expect(byRole[role]?.status).toBe('ok');
    const image = emulator.requests.find((r) => r.path.includes('/images/generations'));
    expect(image?.body).toMatchObject({ prompt: '' });
  });

  it.each([
    ['v1', '/openai/v1/images/generations', 'preview', 'gpt-image-1-mini'],
    ['deployments', '/openai/deployments/gpt-image-1-mini/images/generations', '2025-04-01-preview', undefined],
  ] as const)(
    'the image probe asks on the surface the generator uses (AZURE_OPENAI_IMAGE_API=%s), and tells a misnamed image deployment',
    async (api, path, apiVersion, model) => {
      emulator = await startFoundryEmulator();
      const ok = await health({ AZURE_OPENAI_IMAGE_API: api }, '?deep=1');
      expect(ok.deployments?.find((d) => d.role === 'image')?.status).toBe('ok');
      const probe = emulator.requests.find((r) => r.path.includes('/images/generations'));
      expect(probe).toMatchObject({ path, query: { 'api-version': apiVersion }, body: { prompt: '' } });
      expect((probe?.body as { model?: string }).model).toBe(model);

      emulator.reset();
      const missing = await health(
        { AZURE_OPENAI_IMAGE_API: api, AZURE_OPENAI_IMAGE_DEPLOYMENT: 'gpt-image-1-mimi' },
        '?deep=1',
      );
      expect(missing.deployments?.find((d) => d.role === 'image')).toMatchObject({
        status: 'missing',
        variable: 'AZURE_OPENAI_IMAGE_DEPLOYMENT',
      });
    },
  );

  it('reports unauthorized (not missing) when the key is wrong', async () => {
    emulator = await startFoundryEmulator();
    const body = await health({ AZURE_OPENAI_API_KEY: 'nope' }, '?deep=1');
    expect(new Set(body.deployments?.map((d) => d.status))).toEqual(new Set(['unauthorized']));
    expect(body.deployments?.[0]?.message).toMatch(/AZURE_OPENAI_API_KEY/);
  });

  it('all ok when every deployment exists', async () => {
    emulator = await startFoundryEmulator();
    const body = await health({}, '?deep=1');
    expect(body.status).toBe('ok');
    expect(body.deployments?.map((d) => d.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('without an image deployment: never probes one, and says every chart is drawn locally (issue #11 item 1)', async () => {
    emulator = await startFoundryEmulator();
    const config = loadConfig(emulatedAzureEnv(emulator, { imageDeployment: null }));
    const deps = buildDeps(config, { store: new MemoryDocumentStore() });
    const res = await healthGet(() => deps)(
      new HttpRequest({ method: 'GET', url: 'http://127.0.0.1/api/health?deep=1' }),
      new InvocationContext({ logHandler: () => {} }),
    );
    const body = Health.parse(res.jsonBody);
    expect(body.status).toBe('ok');
    expect(body.deployments?.map((d) => d.role)).toEqual(['chat', 'structured', 'realtime']);
    expect(emulator.requests.filter((r) => r.path.includes('/images/'))).toEqual([]);
    expect(body.images.status).toBe('local');
    expect(body.images.reason).toMatch(/No image model deployed \(AZURE_OPENAI_IMAGE_DEPLOYMENT unset\)/);
  });

  it('with one: names the deployment that paints', async () => {
    emulator = await startFoundryEmulator();
    expect((await health({})).images).toEqual({ status: 'model', deployment: 'gpt-image-1-mini' });
  });
});
