import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { ChartKey } from '../contracts/charts';
import { getDeps, type Deps } from '../deps';
import { NotFound } from '../domain/errors';
import { chartImagePath } from '../domain/charts/key';
import { imageFromMeta } from '../domain/charts/stored-image';
import { withErrors } from '../http/errors';

/** A key names its content forever; a fallback is replaced under the same key, so it must be re-checked soon. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const FALLBACK = 'public, max-age=300, must-revalidate';

/** GET /api/charts/{key}: the PNG with its ETag; 304 when the caller's copy is current; 404 JSON for unknown keys. */
export function chartGet(deps: () => Deps) {
  return withErrors(async (request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    const key = ChartKey.safeParse(request.params.key);
    const blob = key.success ? await deps().charts.images.get(chartImagePath(key.data)) : undefined;
    const image = key.success && blob ? imageFromMeta(key.data, blob.metadata) : undefined;
    if (!blob || !image) throw new NotFound(`Chart image "${String(request.params.key).slice(0, 40)}"`);
    const headers = {
      'Content-Type': 'image/png',
      'Cache-Control': image.fallback ? FALLBACK : IMMUTABLE,
      ETag: blob.etag,
      'X-Chart-Image-Source': image.fallback ? 'fallback' : image.source,
    };
    if (
      blob.etag &&
      request.headers
        .get('if-none-match')
        ?.split(/\s*,\s*/)
        .includes(blob.etag)
    )
      return { status: 304, headers };
    return { status: 200, headers, body: blob.bytes };
  });
}

app.http('chart-get', { route: 'charts/{key}', methods: ['GET'], handler: chartGet(getDeps) });
