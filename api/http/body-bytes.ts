import type { HttpRequest } from '@azure/functions';

const bodies = new WeakMap<HttpRequest, Promise<Uint8Array>>();

/**
 * The request body, read once however many seams look at it — billing's visitor (its sessionId),
 * then the trigger's readJson — instead of cloning the request, which copies its stream per call.
 */
export function bodyBytes(request: HttpRequest): Promise<Uint8Array> {
  let body = bodies.get(request);
  if (!body) {
    body = request.arrayBuffer().then((buffer) => new Uint8Array(buffer));
    bodies.set(request, body);
  }
  return body;
}
