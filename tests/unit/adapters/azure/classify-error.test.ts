import { describe, expect, it } from 'vitest';
import { classifyAzureError } from '../../../../api/adapters/azure/classify-error';

/** The shape openai-node gives a non-2xx answer: `status`, the body's `error` as `.error`, its code/param lifted. */
function apiError(status: number, error: Record<string, unknown>): Error {
  return Object.assign(new Error(typeof error.message === 'string' ? error.message : ''), {
    status,
    error,
    code: error.code,
    param: error.param,
  });
}

describe('classifyAzureError (issue #11)', () => {
  it.each([400, 403, 500, 503])(
    'a content-filter body is a refusal whatever the status (%i): never retried as an outage',
    (status) => {
      expect(classifyAzureError(apiError(status, { code: 'content_filter', message: 'filtered' }))).toEqual({
        kind: 'content_filter',
      });
      expect(
        classifyAzureError(apiError(status, { code: null, innererror: { code: 'ResponsibleAIPolicyViolation' } })),
      ).toEqual({ kind: 'content_filter' });
    },
  );

  it('names the refused parameter for unsupported_parameter, unsupported_value and invalid_value, keeping the code', () => {
    for (const code of ['unsupported_parameter', 'unsupported_value', 'invalid_value'])
      expect(
        classifyAzureError(apiError(400, { code, param: 'reasoning_effort', message: "Unsupported value: 'minimal'" })),
      ).toMatchObject({ kind: 'unsupported', param: 'reasoning_effort', code });
  });

  it('reads Azure\'s older wording with no code: "Unrecognized request argument supplied: reasoning_effort"', () => {
    expect(
      classifyAzureError(
        apiError(400, { code: null, param: null, message: 'Unrecognized request argument supplied: reasoning_effort' }),
      ),
    ).toMatchObject({ kind: 'unsupported', param: 'reasoning_effort', code: 'unsupported_parameter' });
  });
});
