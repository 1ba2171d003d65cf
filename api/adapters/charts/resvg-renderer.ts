import { checkPng } from '../../domain/charts/png';
import { chartSvg } from '../../domain/charts/chart-svg';
import type { ChartPicture } from '../../domain/charts/picture';
import type { ChartRenderer, PngImage } from '../../domain/ports';

type Resvg = typeof import('@resvg/resvg-js');
let sdk: Promise<Resvg> | undefined;

/** The same 3:2 size the image model is asked for (1536×1024), so a fallback fits the card like the real image. */
export const RENDER_WIDTH = 1536;

/**
 * Rasterises the chart SVG with resvg (Rust, prebuilt for linux-x64, no system libraries). It is
 * loaded on first use, and `renderAsync` runs on libuv's thread pool, so a render never blocks the
 * event loop (docs/pitfalls.md 6.1). Text uses the system fonts (fontconfig's; Debian's chromium pulls in
 * fonts-liberation and fonts-dejavu): on a host without any, the labels vanish but bars, lines
 * and legend swatches still draw — see README "Chart images".
 */
export class ResvgChartRenderer implements ChartRenderer {
  /** Bump with any change to the drawing: it is part of the offline image key. */
  readonly version = 'resvg-poster-v2';

  async render(picture: ChartPicture): Promise<PngImage> {
    sdk ??= import('@resvg/resvg-js');
    const { renderAsync } = await sdk;
    const rendered = await renderAsync(chartSvg(picture), {
      fitTo: { mode: 'width', value: RENDER_WIDTH },
      font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
      shapeRendering: 2,
      textRendering: 1,
      logLevel: 'off',
    });
    const bytes = new Uint8Array(rendered.asPng());
    // Our own output goes through the same check as the model's: nothing unchecked is stored.
    return { bytes, ...checkPng(bytes, { width: rendered.width, height: rendered.height }) };
  }
}
