import { DomainError } from '../../domain/errors';

/**
 * Storage could not be reached or answered with a server error (the account or Azurite is down,
 * throttling with 503, a try that timed out). Callers get a retryable 503 naming the cause instead
 * of a generic 500, and queue handlers rethrow it so the message is retried once storage is back.
 */
export class StorageUnavailable extends DomainError {
  constructor(why: 'unreachable' | 'no_answer' = 'unreachable') {
    super(
      'storage_unavailable',
      `${why === 'no_answer' ? 'Our storage did not answer in time' : 'Our storage is not reachable right now'}, so this could not be done. Nothing was lost: please try again in a moment.`,
      503,
      true,
    );
  }
}

/**
 * The longest one storage operation may take, its SDK retries included. The SDKs have no
 * client-side timeout of their own: StorageRetryOptions.tryTimeoutInMs is sent to the service as
 * its `timeout` parameter (https://learn.microsoft.com/javascript/api/@azure/storage-blob/storageretryoptions,
 * https://learn.microsoft.com/rest/api/storageservices/setting-timeouts-for-blob-service-operations),
 * so a storage endpoint that accepts connections and never answers would hold a request forever.
 * Well above the 4 s server-side try timeout, so a slow but live service answers its own error
 * first, and far enough above a storage call's usual tens of milliseconds that a machine starved of
 * CPU for seconds does not cut off calls that were answered.
 */
export const STORAGE_OPERATION_TIMEOUT_MS = 10_000;

/**
 * Runs one storage operation with a client-side deadline: the SDK gets an `abortSignal` (every
 * Blob, Queue and Table operation takes one in its options) that fires after `ms`, and an
 * operation cut off that way becomes the retryable StorageUnavailable. `op` must pass the signal
 * to every SDK call it makes and finish reading any response stream inside.
 */
export async function withStorageDeadline<T>(
  op: (options: { abortSignal: AbortSignal }) => Promise<T>,
  ms = STORAGE_OPERATION_TIMEOUT_MS,
): Promise<T> {
  const deadline = new AbortController();
  let settled = false;
  // After an event-loop stall the timers phase runs before the poll phase that would read an answer
  // already waiting on the socket (https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick):
  // setImmediate lets that poll phase run first, so only a call still unanswered is cut off.
  const timer = setTimeout(() => setImmediate(() => settled || deadline.abort()), ms);
  try {
    return await op({ abortSignal: deadline.signal });
  } catch (error) {
    if (deadline.signal.aborted) throw new StorageUnavailable('no_answer');
    throw error;
  } finally {
    settled = true;
    clearTimeout(timer);
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
export const asStorageError = (error: unknown): unknown =>
  error instanceof StorageUnavailable ? error : isStorageOutage(error) ? new StorageUnavailable() : error;
