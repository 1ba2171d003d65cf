import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { ZodError } from 'zod';
import { ConfigError } from '../config';
import { asStorageError, isStorageOutage } from '../adapters/storage/storage-errors';
import { BudgetSpent, DomainError } from '../domain/errors';

export function jsonError(
  status: number,
  code: string,
  message: string,
  retryable = false,
  headers?: Record<string, string>,
): HttpResponseInit {
  return { status, jsonBody: { error: { code, message, retryable } }, headers };
}

/**
 * The one 429 body, for a refusal at admission and a budget spent on the way alike: the limit's
 * name, when it lifts, and Retry-After. retryAfterSeconds repeats Retry-After in the body: a
 * cross-origin SPA cannot read that header (it is not CORS-safelisted).
 */
export function rateLimited(spent: BudgetSpent, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status: 429,
    jsonBody: {
      error: {
        code: spent.code,
        message: spent.message,
        retryable: true,
        limit: spent.limit,
        retryAfterSeconds: spent.retryAfterSeconds,
      },
    },
    headers: { ...headers, 'Retry-After': String(spent.retryAfterSeconds) },
  };
}

/** The one exit for errors: bad input → 4xx JSON, known domain errors → their status, the rest → 500 without a stack. */
export function toErrorResponse(error: unknown, context: InvocationContext): HttpResponseInit {
  if (error instanceof ZodError) {
    const issues = error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
      .join('; ');
    return jsonError(400, 'invalid_request', issues);
  }
  if (error instanceof BudgetSpent) return rateLimited(error);
  if (isStorageOutage(error)) {
    // Storage down or failing (issue #16): a retryable 503 saying so, never a generic 500.
    context.warn('storage unavailable', error instanceof Error ? error.message : error);
    const outage = asStorageError(error) as DomainError;
    return jsonError(outage.status, outage.code, outage.message, true, { 'Retry-After': '5' });
  }
  if (error instanceof DomainError) return jsonError(error.status, error.code, error.message, error.retryable);
  if (error instanceof ConfigError) return misconfigured(error);
  context.error('Unhandled error', error);
  return jsonError(500, 'internal', 'Something went wrong on our side. Please try again.', true);
}

/**
 * A bad app setting, named (issue #11 item 9): 503 on every route, health included, until the
 * setting is fixed and the app restarted. Names and rules only, never the value (it may be a secret).
 */
export function misconfigured(error: ConfigError): HttpResponseInit {
  return {
    status: 503,
    jsonBody: {
      error: {
        code: 'misconfigured',
        message: `${error.message}. Fix the app setting and restart the app.`,
        retryable: false,
        variables: error.variables,
      },
    },
    headers: { 'Cache-Control': 'no-store' },
  };
}

/** Every HTTP handler's wrapper; the context is the second argument (a billed handler has a third). */
export function withErrors<A extends unknown[]>(
  handler: (request: HttpRequest, context: InvocationContext, ...rest: A) => Promise<HttpResponseInit>,
): (request: HttpRequest, context: InvocationContext, ...rest: A) => Promise<HttpResponseInit> {
  return async (request, context, ...rest) => {
    try {
      return await handler(request, context, ...rest);
    } catch (error) {
      return toErrorResponse(error, context);
    }
  };
}
