import { describe, expect, it } from 'vitest';
import { AzureAuthFailed, AzureUnauthorized, DeploymentMissing } from '../../../api/adapters/azure/errors';
import { UpstreamUnavailable } from '../../../api/domain/errors';
import { explainAzure, type AzureTarget } from '../../smoke/hints';

const target: AzureTarget = {
  variable: 'AZURE_OPENAI_CHAT_DEPLOYMENT',
  deployment: 'model-router',
  model: 'chat model',
  capacity: 'PRESTO_CHAT_CAPACITY',
};

describe('smoke fix hints', () => {
  it('an endpoint that never answers is blamed on AZURE_OPENAI_ENDPOINT, not on quota', () => {
    const busy = new UpstreamUnavailable(
      'Could not reach Azure OpenAI (ENOTFOUND, the only attempt): its host name did not resolve (DNS).',
    );
    const unreachable = explainAzure(busy, target, 'ENOTFOUND res.openai.azure.com');
    expect(unreachable.detail).toMatch(/no HTTP answer: ENOTFOUND res\.openai\.azure\.com/);
    expect(unreachable.fix).toMatch(/^AZURE_OPENAI_ENDPOINT is not reachable/);
    expect(explainAzure(busy, target).fix).toMatch(/raise its quota \(azd env set PRESTO_CHAT_CAPACITY/);
  });

  it('names the variable, the key or role, or az login, by what Azure said', () => {
    expect(explainAzure(new DeploymentMissing('nope', target.variable), target).fix).toMatch(
      /^set AZURE_OPENAI_CHAT_DEPLOYMENT to an existing chat model deployment/,
    );
    expect(explainAzure(new AzureUnauthorized(401, 'bad key'), target).fix).toMatch(
      /AZURE_OPENAI_API_KEY.*Cognitive Services OpenAI User/,
    );
    expect(explainAzure(new AzureAuthFailed('no token'), target).fix).toMatch(/az login/);
  });
});
