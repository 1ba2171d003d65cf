import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { ModerationChange } from '../contracts/gallery';
import { Slug } from '../contracts/common';
import type { Deps } from '../deps';
import { canModerate } from '../domain/billing/plans';
import { apiKeyOf } from './billing-caller';
import { jsonError } from './errors';

/**
 * POST /api/modes/{id}/hide and /unhide. with-billing has already checked the key (401 when
 * unknown or revoked) and counted the call; here its plan decides: only `operator` keys moderate.
 */
export async function moderateOverHttp(
  request: HttpRequest,
  deps: Pick<Deps, 'billing' | 'gallery'>,
  moderation: 'hidden' | 'approved',
): Promise<HttpResponseInit> {
  const apiKey = apiKeyOf(request);
  const caller = apiKey ? await deps.billing.identify(apiKey) : undefined;
  if (caller?.kind !== 'key' || !canModerate(caller.plan))
    return jsonError(403, 'operator_only', 'Only an API key on the operator plan can hide or unhide modes.');
  const id = Slug.safeParse(request.params.id);
  if (!id.success) return jsonError(400, 'bad_request', 'id: must be the id of a generated mode (a lower-case slug).');
  const entry = await deps.gallery.decide(id.data, moderation);
  if (!entry) return jsonError(404, 'not_found', `No generated mode "${id.data}" (pre-built modes are always listed).`);
  const body: ModerationChange = { id: entry.id, moderation: entry.moderation };
  return { status: 200, jsonBody: body, headers: { 'Cache-Control': 'no-store' } };
}
