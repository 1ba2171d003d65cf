import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/config';
import { buildChartPicture } from '../../api/domain/charts/picture';
import { getBuiltinMode } from '../../api/domain/modes/catalog';
import { buildPersona } from '../../api/domain/persona';
import { azureHarness, type AzureHarness } from './azure-harness';

// Issue #11 item 5: Learn documents `POST /openai/v1/images/generations?api-version=preview` (the
// deployment in the body's `model`) as well as the dated deployments route
// (https://learn.microsoft.com/azure/foundry/openai/how-to/dall-e), and a refusal's body, not its status.

let h: AzureHarness;
afterEach(async () => h?.stop());

const mode = getBuiltinMode('banking')!;
const picture = buildChartPicture(mode, buildPersona(mode, 42, new Date('2026-11-15T00:00:00Z')), ['checking']);
/** An image model is opt-in (AZURE_OPENAI_IMAGE_DEPLOYMENT unset draws charts locally): these tests name one. */
const imageHarness = (options: Parameters<typeof azureHarness>[0] = {}) =>
  azureHarness({ ...options, env: { AZURE_OPENAI_IMAGE_DEPLOYMENT: 'gpt-image-1-mini', ...options.env } });
const imagePaths = () => h.emulator.requests.filter((r) => r.path.includes('/images/')).map((r) => r);

describe('chart images on the surface Learn documents', () => {
  it('by default (AZURE_OPENAI_IMAGE_API=v1) posts to /openai/v1/images/generations?api-version=preview with the deployment as `model`', async () => {
    h = await imageHarness();
    const image = await h.adapters.imageGenerator!.generate(picture);
    expect(image).toMatchObject({ width: 1536, height: 1024 });
    const [sent] = imagePaths();
    expect(sent).toMatchObject({
      path: '/openai/v1/images/generations',
      query: { 'api-version': 'preview' },
      body: { model: 'gpt-image-1-mini', n: 1, size: '1536x1024', quality: 'low' },
    });
    expect(h.emulator.images.surfaces()).toEqual(['v1']);
  });

  it('AZURE_OPENAI_IMAGE_API=deployments uses the dated route with the pinned api-version and no `model` in the body', async () => {
    h = await imageHarness({ env: { AZURE_OPENAI_IMAGE_API: 'deployments' } });
    await h.adapters.imageGenerator!.generate(picture);
    const [sent] = imagePaths();
    expect(sent).toMatchObject({
      path: '/openai/deployments/gpt-image-1-mini/images/generations',
      query: { 'api-version': '2025-04-01-preview' },
    });
    expect(sent!.body).not.toHaveProperty('model');
    expect(h.emulator.images.surfaces()).toEqual(['deployments']);
  });

  it.each([200, 400, 403, 422, 500])(
    'a content-filter refusal that comes with HTTP %i is a refusal (image_refused), never retried or read as credentials/outage',
    async (status) => {
      h = await imageHarness({ emulator: { strict: { imageRefusalStatus: status } } });
      h.emulator.images.enqueue({ kind: 'content_filter', where: 'output' });
      const error = await h.adapters.imageGenerator!.generate(picture).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'image_refused', message: expect.stringMatching(/safety system/) });
      expect(h.emulator.images.requests()).toHaveLength(1);
      expect(h.sleeps).toEqual([]);
    },
  );

  it('a 500 without a refusal body is still an outage, retried', async () => {
    h = await imageHarness();
    h.emulator.images.enqueue({
      kind: 'error',
      status: 500,
      body: { error: { code: 'InternalServerError', message: 'boom' } },
    });
    await h.adapters.imageGenerator!.generate(picture);
    expect(h.emulator.images.requests()).toHaveLength(2);
    expect(h.sleeps).toHaveLength(1);
  });
});

describe('the pinned api-version must serve gpt-image-1 on the dated route', () => {
  const azure = {
    AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com',
    AZURE_OPENAI_IMAGE_DEPLOYMENT: 'gpt-image-1-mini',
  };
  const problem = (env: Record<string, string>) => {
    try {
      loadConfig({ ...azure, ...env });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it.each(['2025-03-01-preview', '2024-10-21', '2024-06-01'])(
    'refuses AZURE_OPENAI_API_VERSION=%s at start-up for AZURE_OPENAI_IMAGE_API=deployments, naming both ways out',
    (version) => {
      expect(problem({ AZURE_OPENAI_IMAGE_API: 'deployments', AZURE_OPENAI_API_VERSION: version })).toMatch(
        new RegExp(
          `AZURE_OPENAI_API_VERSION: ${version} does not serve gpt-image-1.*2025-04-01-preview.*AZURE_OPENAI_IMAGE_API=v1`,
        ),
      );
    },
  );

  it('accepts 2025-04-01-preview and later on the dated route, and any pin on v1 (which sends api-version=preview)', () => {
    for (const version of ['2025-04-01-preview', '2025-08-01-preview'])
      expect(
        loadConfig({ ...azure, AZURE_OPENAI_IMAGE_API: 'deployments', AZURE_OPENAI_API_VERSION: version }),
      ).toBeTruthy();
    expect(loadConfig({ ...azure, AZURE_OPENAI_API_VERSION: '2024-10-21' }).AZURE_OPENAI_IMAGE_API).toBe('v1');
    expect(problem({ AZURE_OPENAI_IMAGE_API: 'v2' })).toMatch(/AZURE_OPENAI_IMAGE_API/);
    // The offline engine never calls the image route, so an old pin does not stop it.
    expect(loadConfig({ AZURE_OPENAI_IMAGE_API: 'deployments', AZURE_OPENAI_API_VERSION: '2024-10-21' }).provider).toBe(
      'offline',
    );
  });
});
