import { DomainError } from '../../domain/errors';

/**
 * Storage could not be reached or answered with a server error (the account or Azurite is down,
 * throttling with 503, a try that timed out). Callers get a retryable 503 naming the cause instead
 * of a generic 500, and queue handlers rethrow it so the message is retried once storage is back.
 */
export class StorageUnavailable extends DomainError {
  constructor() {
    super(
      'storage_unavailable',
      'Our storage is not reachable right now, so this could not be done. Nothing was lost: please try again in a moment.',
      503,
      true,
    );
  }
}

/** Node's socket errors and the Azure SDKs' own codes for a request that never got an answer. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'REQUEST_SEND_ERROR',
]);

/**
 * Whether an error from the Blob/Queue/Table SDKs means storage is unavailable (rather than a bad
 * request or a lost compare-and-swap, which keep their meaning). The SDKs raise RestError: with
 * `statusCode` when storage answered, with `code` (e.g. ECONNREFUSED) when it did not
 * (@azure/core-rest-pipeline src/restError.ts). Only RestError counts: other libraries' network
 * errors (the model's, a client that went away) are not a storage outage.
 */
export function isStorageOutage(error: unknown): boolean {
  if (error instanceof StorageUnavailable) return true;
  if (typeof error !== 'object' || error === null || (error as { name?: unknown }).name !== 'RestError') return false;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof statusCode === 'number') return statusCode >= 500 || statusCode === 408;
  return code === undefined || (typeof code === 'string' && UNREACHABLE.has(code));
}

/** The error a caller should see: StorageUnavailable for an outage, anything else unchanged. */
export const asStorageError = (error: unknown): unknown => (isStorageOutage(error) ? new StorageUnavailable() : error);
