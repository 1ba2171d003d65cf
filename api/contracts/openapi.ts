import { z } from 'zod';
import { ErrorBody } from './billing';
import type { RouteDoc } from './openapi-routes';

type Json = Record<string, unknown>;

/** Request bodies are documented as accepted (input), responses as sent (output); unrepresentable parts become `{}` rather than throw. */
const schemaOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const RATE_HEADERS = {
  'x-ratelimit-limit': { description: 'Requests allowed per minute on your plan', schema: { type: 'integer' } },
  'x-ratelimit-remaining': { description: 'Requests left this minute', schema: { type: 'integer' } },
  'x-ratelimit-reset': { description: 'Seconds until the minute window resets', schema: { type: 'integer' } },
};

function operation(route: RouteDoc): Json {
  const parameters = [
    ...Object.entries(route.params ?? {}).map(([name, s]) => ({
      name,
      in: 'path',
      required: true,
      schema: schemaOf(s, 'input'),
    })),
    ...Object.entries(route.query ?? {}).map(([name, s]) => ({
      name,
      in: 'query',
      required: false,
      schema: schemaOf(s, 'input'),
    })),
  ];
  const responses: Json = {};
  for (const [status, r] of Object.entries(route.responses)) {
    const content =
      r.schema || r.contentType
        ? { [r.contentType ?? 'application/json']: r.schema ? { schema: schemaOf(r.schema, 'output') } : {} }
        : undefined;
    responses[status] = {
      description: r.description,
      ...(content ? { content } : {}),
      ...(route.billable && status.startsWith('2') ? { headers: RATE_HEADERS } : {}),
    };
  }
  const error = { 'application/json': { schema: schemaOf(ErrorBody, 'output') } };
  responses['400'] ??= { description: 'Invalid input', content: error };
  // Any route, while an app setting is invalid (api/http/errors.ts misconfigured).
  responses['503'] ??= {
    description: 'A bad app setting: error.code is "misconfigured" and error.variables names the settings to fix',
    content: error,
  };
  if (route.billable) {
    responses['401'] = { description: 'Unknown or revoked x-api-key', content: error };
    responses['429'] = {
      description:
        'Over the plan or demo budget; error.limit names the limit and error.retryAfterSeconds repeats Retry-After',
      headers: { 'Retry-After': { schema: { type: 'integer' } }, ...RATE_HEADERS },
      content: error,
    };
  }
  return {
    operationId: route.function,
    summary: route.summary,
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } }
      : {}),
    responses,
    ...(route.billable
      ? { security: [{ apiKey: [] }, {}] }
      : route.function === 'usage-get'
        ? { security: [{ apiKey: [] }] }
        : {}),
  };
}

/** The OpenAPI 3.1 document for the given routes, generated from their zod schemas. */
export function openApiDocument(routes: RouteDoc[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) (paths[`/api/${route.route}`] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Presto-Change-O API',
      version,
      description: 'Send x-api-key for metered access (docs/api.md); without one, calls share the public demo budget.',
    },
    paths,
    components: { securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
  };
}
