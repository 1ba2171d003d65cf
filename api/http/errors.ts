import type { HttpResponseInit, InvocationContext } from '@azure/functions';
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

/** The one exit for errors: bad input → 4xx JSON, known domain errors → their status, the rest → 500 without a stack. */
export function toErrorResponse(error: unknown, context: InvocationContext): HttpResponseInit {
  if (error instanceof ZodError) {
    const issues = error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
      .join('; ');
    return jsonError(400, 'invalid_request', issues);
  }
  if (error instanceof BudgetSpent) {
    // The same 429 as a refusal at admission: the limit's name, when it lifts, and Retry-After.
    return {
      status: 429,
      jsonBody: {
        error: {
          code: error.code,
          message: error.message,
          retryable: true,
          limit: error.limit,
          retryAfterSeconds: error.retryAfterSeconds,
        },
      },
      headers: { 'Retry-After': String(error.retryAfterSeconds) },
    };
  }
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

export function withErrors<A extends unknown[]>(
  handler: (...args: [...A, InvocationContext]) => Promise<HttpResponseInit>,
): (...args: [...A, InvocationContext]) => Promise<HttpResponseInit> {
  return async (...args) => {
    const context = args[args.length - 1] as InvocationContext;
    try {
      return await handler(...args);
    } catch (error) {
      return toErrorResponse(error, context);
    }
  };
}
