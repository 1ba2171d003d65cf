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
 * The azure provider paints with the image deployment; offline renders locally, labelled as such.
 * The azure provider without its image adapter is refused loudly, never quietly drawn offline.
 */
export function createChartAdapters(config: Config, azureImages: ImageGenerator | undefined): ChartAdapters {
  if (config.provider === 'azure' && !azureImages)
    throw new ConfigError('AI_PROVIDER=azure needs the Azure image adapter to paint chart images.');
  const renderer = new ResvgChartRenderer();
  return { images: new BlobImageStore(config), renderer, generator: azureImages ?? new LocalImageGenerator(renderer) };
}
