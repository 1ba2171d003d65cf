import type { ChartPicture } from '../../domain/charts/picture';
import type { ChartRenderer, ImageGenerator, PngImage } from '../../domain/ports';

/**
 * The offline provider's ImageGenerator: the chart rendered locally, the same renderer every
 * fallback uses. Its images are final (source "local", not a fallback): no model will replace them.
 */
export class LocalImageGenerator implements ImageGenerator {
  readonly source = 'local' as const;
  readonly model: string;

  constructor(private readonly renderer: ChartRenderer) {
    this.model = `local:${renderer.version}`;
  }

  generate(picture: ChartPicture): Promise<PngImage> {
    return this.renderer.render(picture);
  }
}
