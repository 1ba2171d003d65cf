import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { isDeploymentNotFound, refusedParameter } from '../../../../api/adapters/azure/realtime-errors';

/** The error the openai SDK throws for an HTTP answer (openai-node `src/core/error.ts`). */
const sdkError = (status: number, body: object) => APIError.generate(status, body, undefined, new Headers());

const unknownParameter = (param: string) => ({
  error: { message: `Unknown parameter: '${param}'.`, type: 'invalid_request_error', param, code: 'unknown_parameter' },
});
const deploymentNotFound = {
  error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist.' },
};

describe('reading Azure realtime refusals by body code', () => {
  it('names the session parameter a 400 refused, without the session. prefix', () => {
    expect(refusedParameter(sdkError(400, unknownParameter('session.output_modalities')))).toBe('output_modalities');
    expect(refusedParameter(sdkError(400, unknownParameter('session.audio.input')))).toBe('audio.input');
    const noCode = { error: { message: 'Bad', type: 'invalid_request_error', param: 'session.tools', code: null } };
    expect(refusedParameter(sdkError(400, noCode))).toBe('tools');
  });

  it('is not a refused parameter: a refused value, a top-level parameter, a content filter, a missing deployment, a 500', () => {
    const invalidValue = {
      error: { message: 'Invalid', type: 'invalid_request_error', param: 'session.model', code: 'invalid_value' },
    };
    expect(refusedParameter(sdkError(400, invalidValue))).toBeUndefined();
    expect(refusedParameter(sdkError(400, unknownParameter('expires_after')))).toBeUndefined();
    expect(
      refusedParameter(sdkError(400, { error: { code: 'content_filter', param: 'prompt', message: 'x' } })),
    ).toBeUndefined();
    expect(refusedParameter(sdkError(400, deploymentNotFound))).toBeUndefined();
    expect(refusedParameter(sdkError(500, unknownParameter('session.tools')))).toBeUndefined();
  });

  it('knows a missing deployment by its code whether Azure answers 404 or 400', () => {
    expect(isDeploymentNotFound(sdkError(404, deploymentNotFound))).toBe(true);
    expect(isDeploymentNotFound(sdkError(400, deploymentNotFound))).toBe(true);
    expect(isDeploymentNotFound(sdkError(404, { error: { code: '404', message: 'Resource not found' } }))).toBe(false);
    expect(isDeploymentNotFound(sdkError(400, unknownParameter('session.tools')))).toBe(false);
  });
});
