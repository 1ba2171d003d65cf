// Issue #11 item 1: the GPT-image-1 series is limited access, so an Azure deployment may have no
// image model (infra imageModel=none leaves AZURE_OPENAI_IMAGE_DEPLOYMENT empty). Charts are then
// drawn locally and labelled as such, with no call to an image route, exactly like offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { illustrate, startChartEnv, type ChartEnv } from './chart-images.harness';

describe('chart images on the azure provider without an image deployment', () => {
  let env: ChartEnv;
  beforeAll(async () => {
    env = await startChartEnv('azure', { imageDeployment: null });
  }, 60_000);
  afterAll(async () => env?.stop(), 30_000);

  it('draws the chart locally (source local, final, not a fallback) and never calls an image model', async () => {
    const result = await illustrate(env.deps, { modeId: 'banking', datasetIds: ['checking'], personaSeed: 42 });
    expect(result.image).toMatchObject({ source: 'local', fallback: false });
    expect(env.emulator!.images.generated()).toBe(0);
    expect(env.emulator!.requests.filter((r) => r.path.includes('/images/'))).toEqual([]);
  });
});
