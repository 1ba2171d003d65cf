import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { UsageQuery, type UsageResponse } from '../contracts/billing';
import { getDeps, type Deps } from '../deps';
import { apiKeyOf } from '../http/billing-caller';
import { jsonError, withErrors } from '../http/errors';

/** GET /api/usage?days=7 → the API key's metered usage per UTC day (the anonymous demo has none to show). */
export function usageGet(deps: () => Pick<Deps, 'billing'>) {
  return withErrors(async (request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    const { days } = UsageQuery.parse({ days: request.query.get('days') ?? undefined });
    const apiKey = apiKeyOf(request);
    if (!apiKey)
      return jsonError(401, 'api_key_required', 'Send your API key in the x-api-key header to see its usage.');
    const { billing } = deps();
    const caller = await billing.identify(apiKey);
    if (caller?.kind !== 'key')
      return jsonError(401, 'invalid_api_key', 'This API key is unknown or has been revoked.');
    const rows = await billing.usage(caller, days);
    const body: UsageResponse = {
      keyId: caller.id,
      name: caller.name,
      plan: caller.plan,
      limits: caller.limits,
      days: rows.map(({ day, counters: c }) => ({
        day,
        requests: c.requests,
        promptTokens: c.promptTokens,
        completionTokens: c.completionTokens,
        images: c.images,
        generations: c.generations,
        realtimeSessions: c.realtimeSessions,
      })),
    };
    return { status: 200, jsonBody: body, headers: { 'Cache-Control': 'no-store' } };
  });
}

app.http('usage-get', { route: 'usage', methods: ['GET'], handler: usageGet(getDeps) });
