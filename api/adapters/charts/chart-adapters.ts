import type { Config } from '../../config';
import { ConfigError } from '../../config';
import type { ChartRenderer, ImageGenerator, ImageStore } from '../../domain/ports';
import { BlobImageStore } from '../storage/blob-image-store';
import { LocalImageGenerator } from './local-image-generator';
import { ResvgChartRenderer } from './resvg-renderer';

/** Everything chart images need besides the job store and queue. */
export interface ChartAdapters {
  images: ImageStore;
  /** Draws every fallback (and, offline, every image). */
  renderer: ChartRenderer;
  generator: ImageGenerator;
  /** Waits before each retry of a fallback; tests shorten them (default: process-chart RETRY_DELAYS_SECONDS). */
  retryDelaysSeconds?: readonly number[];
}

/**
 * The azure provider paints with the image deployment when one is configured; offline, and azure
 * without AZURE_OPENAI_IMAGE_DEPLOYMENT (the image models are limited access, issue #11 item 1),
 * render locally, labelled as such (`source: local`). A configured deployment without its adapter
 * is refused loudly, never quietly drawn locally.
 */
export function createChartAdapters(config: Config, azureImages: ImageGenerator | undefined): ChartAdapters {
  if (config.provider === 'azure' && config.AZURE_OPENAI_IMAGE_DEPLOYMENT && !azureImages)
    throw new ConfigError('AZURE_OPENAI_IMAGE_DEPLOYMENT is set but the Azure image adapter is missing.');
  const renderer = new ResvgChartRenderer();
  return { images: new BlobImageStore(config), renderer, generator: azureImages ?? new LocalImageGenerator(renderer) };
}
