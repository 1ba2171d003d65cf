import { buildChartPicture } from '../../../api/domain/charts/picture';
import { checkPng } from '../../../api/domain/charts/png';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildPersona } from '../../../api/domain/persona';
import type { ImageGenerator } from '../../../api/domain/ports';
import type { SmokeContext } from '../context';
import { explainAzure, type AzureTarget } from '../hints';
import { CheckFailed, type Check } from '../runner';

export const NO_IMAGE_MODEL = 'skipped — no image model configured (charts drawn locally)';

/**
 * One chart picture through the real image adapter (AzureImageGenerator: the image deployment's
 * route, one request in flight, the PNG checked whole and at the size asked for), at low quality
 * whatever AZURE_OPENAI_IMAGE_QUALITY says, and checked as a whole PNG once more here. Without
 * AZURE_OPENAI_IMAGE_DEPLOYMENT the row is skipped: the app then draws every chart locally.
 */
export function imageCheck(ctx: SmokeContext): Check {
  const deployment = ctx.env.AZURE_OPENAI_IMAGE_DEPLOYMENT?.trim() ?? '';
  const target: AzureTarget = {
    variable: 'AZURE_OPENAI_IMAGE_DEPLOYMENT',
    deployment,
    model: 'gpt-image-1-mini or gpt-image-1',
    capacity: 'PRESTO_IMAGE_CAPACITY',
  };
  return {
    id: 'image',
    title: 'image generation',
    timeoutMs: 100_000,
    usage: () => ctx.meter.peek(deployment),
    explain: (error) => explainImage(error, target, ctx.meter.networkFailure()),
    async run(signal) {
      const generator = (ctx.azure as { imageGenerator?: ImageGenerator }).imageGenerator;
      if (!deployment || !generator) return { outcome: 'skipped', detail: NO_IMAGE_MODEL };
      const mode = getBuiltinMode('banking')!;
      const picture = buildChartPicture(mode, buildPersona(mode, 7, new Date()), [mode.datasets[0]!.id]);
      let image;
      try {
        image = await generator.generate(picture, signal);
      } catch (error) {
        const { detail, fix } = explainImage(error, target, ctx.meter.networkFailure());
        throw new CheckFailed(detail, fix, await ctx.meter.usageOf(deployment));
      }
      const { width, height } = checkPng(image.bytes);
      return {
        outcome: 'ok',
        detail: `${deployment} (${ctx.config.AZURE_OPENAI_IMAGE_QUALITY}): a whole ${width}×${height} PNG, ${Math.round(image.bytes.length / 1024)} KiB`,
        usage: await ctx.meter.usageOf(deployment),
      };
    },
  };
}

function explainImage(error: unknown, target: AzureTarget, network?: string): { detail: string; fix?: string } {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'invalid_image')
    return {
      detail,
      fix: `${target.variable} must be a gpt-image deployment; check AZURE_OPENAI_API_VERSION serves it`,
    };
  if (code === 'image_refused')
    return { detail, fix: `the content filter on ${target.variable} refused a plain chart: review its filter policy` };
  return explainAzure(error, target, network);
}
