import type { InvocationContext } from '@azure/functions';
import type { ModeGallery, ToolContext } from '../domain/tools/context';

type RequestMode = NonNullable<ToolContext['requestMode']>;

/**
 * requestMode that also records the asking session as one of the mode's owners, so a generated mode
 * that is not public yet (pending, refused) stays in that session's own gallery list. Recording is
 * best effort: a storage hiccup there must not fail the request itself (the mode is still usable).
 */
export function ownedRequestMode(
  requestMode: RequestMode,
  gallery: ModeGallery,
  sessionId: string | undefined,
  context: InvocationContext,
): RequestMode {
  if (!sessionId) return requestMode;
  return async (request) => {
    const outcome = await requestMode(request);
    const id = outcome.kind === 'ready' ? outcome.mode.id : outcome.job.id;
    if (outcome.kind === 'job' || outcome.mode.source === 'generated')
      await gallery.claim(id, sessionId).catch((e: unknown) => context.warn(`gallery: owner of ${id} not recorded`, e));
    return outcome;
  };
}
