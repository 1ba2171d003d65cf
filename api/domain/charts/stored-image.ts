import { ChartImageMeta, type ChartImage } from '../../contracts/charts';
import type { ImageStore, PngImage } from '../ports';
import { chartImagePath, chartImageUrl } from './key';

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** A stored image's public description from its Blob metadata, validated; corrupt metadata reads as missing. */
export function imageFromMeta(key: string, metadata: Record<string, string>): ChartImage | undefined {
  const meta = ChartImageMeta.safeParse(metadata);
  const alt = meta.success ? decode(meta.data.alt) : undefined;
  if (!meta.success || !alt) return undefined;
  const { source, fallback, width, height } = meta.data;
  return {
    key,
    url: chartImageUrl(key),
    source,
    fallback: fallback === 'true',
    alt: alt.slice(0, 600),
    width: Number(width),
    height: Number(height),
  };
}

/** Blob metadata is ASCII strings only, so the alt text travels URI-encoded. */
export function metaFor(image: Pick<ChartImage, 'source' | 'fallback' | 'alt' | 'width' | 'height'>): ChartImageMeta {
  return {
    source: image.source,
    fallback: String(image.fallback) as 'true' | 'false',
    width: String(image.width),
    height: String(image.height),
    alt: encodeURIComponent(image.alt),
  };
}

/** The image under `key`, if one is stored (metadata only, no download). */
export async function readStoredImage(images: ImageStore, key: string): Promise<ChartImage | undefined> {
  const head = await images.head(chartImagePath(key));
  return head ? imageFromMeta(key, head.metadata) : undefined;
}

export function describeImage(
  key: string,
  png: PngImage,
  source: ChartImage['source'],
  fallback: boolean,
  alt: string,
): ChartImage {
  return { key, url: chartImageUrl(key), source, fallback, alt, width: png.width, height: png.height };
}

/**
 * Stores a model image over whatever is there (a fallback it replaces), or a fallback only where
 * nothing valid is stored yet — a fallback never overwrites a real image, whoever finishes first.
 * Returns what is stored under the key afterwards.
 */
export async function storeImage(images: ImageStore, image: ChartImage, png: PngImage): Promise<ChartImage> {
  const path = chartImagePath(image.key);
  if (!image.fallback) {
    await images.put(path, png.bytes, metaFor(image));
    return image;
  }
  if (await images.put(path, png.bytes, metaFor(image), { onlyIfAbsent: true })) return image;
  const existing = await readStoredImage(images, image.key);
  if (existing) return existing;
  // Something unreadable is stored there: replace it rather than serve it.
  await images.put(path, png.bytes, metaFor(image));
  return image;
}
