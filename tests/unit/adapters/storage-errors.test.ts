import { RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { isStorageOutage, StorageUnavailable } from '../../../api/adapters/storage/storage-errors';
import { toErrorResponse } from '../../../api/http/errors';
import { InvocationContext } from '@azure/functions';

const ctx = () => new InvocationContext({ functionName: 'test', logHandler: () => {} });

describe('storage outage errors', () => {
  it('counts unreachable storage and its server errors as an outage, not a bad request or a lost race', () => {
    expect(isStorageOutage(new RestError('connect ECONNREFUSED', { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isStorageOutage(new RestError('socket hang up', { code: 'ECONNRESET' }))).toBe(true);
    expect(isStorageOutage(new RestError('server busy', { statusCode: 503 }))).toBe(true);
    expect(isStorageOutage(new RestError('internal', { statusCode: 500 }))).toBe(true);
    for (const statusCode of [400, 404, 409, 412])
      expect(isStorageOutage(new RestError('x', { statusCode }))).toBe(false);
    // Another library's network error is not a storage outage.
    expect(isStorageOutage(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
  });

  it('answers a retryable 503 storage_unavailable with Retry-After, never a 500', () => {
    const res = toErrorResponse(new RestError('connect ECONNREFUSED 127.0.0.1:10000', { code: 'ECONNREFUSED' }), ctx());
    expect(res.status).toBe(503);
    expect(res.jsonBody).toEqual({
      error: { code: 'storage_unavailable', message: new StorageUnavailable().message, retryable: true },
    });
    expect(new Headers(res.headers).get('retry-after')).toBe('5');
  });
});
