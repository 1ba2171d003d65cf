// What to change when a call fails: the app's own errors already name most causes (a missing
// deployment names its variable, a refused key names the role); this adds the one setting to fix.
import { DomainError } from '../../api/domain/errors';
import { TimedOut } from './runner';

export interface AzureTarget {
  /** The variable naming the deployment, e.g. AZURE_OPENAI_CHAT_DEPLOYMENT. */
  variable: string;
  deployment: string;
  /** What kind of model the deployment must be, for "wrong model" failures. */
  model: string;
  /** The azd parameter that sizes its quota (infra/main.bicep), if any. */
  capacity?: string;
}

const ROLE =
  'give your identity the "Cognitive Services OpenAI User" role on the AI account (it takes a few minutes to apply)';

function detailOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Errors of the Azure OpenAI adapters (api/adapters/azure/errors.ts and the domain's). `network` is
 * a request that got no HTTP answer at all (UsageMeter.networkFailure): the adapters name its cause,
 * and the fix is the endpoint, not the quota.
 */
export function explainAzure(error: unknown, target: AzureTarget, network?: string): { detail: string; fix?: string } {
  const detail = detailOf(error);
  if (network && (error instanceof TimedOut || (error instanceof DomainError && error.code === 'upstream_unavailable')))
    return {
      detail: `${detail} (no HTTP answer: ${network})`,
      fix: 'AZURE_OPENAI_ENDPOINT is not reachable from here: check the URL, DNS, a firewall or a private endpoint',
    };
  if (error instanceof TimedOut)
    return {
      detail,
      fix: `check that AZURE_OPENAI_ENDPOINT is reachable from here and that ${target.variable} ("${target.deployment}") has free capacity${target.capacity ? ` (azd env set ${target.capacity} …)` : ''}`,
    };
  const code = error instanceof DomainError ? error.code : '';
  switch (code) {
    case 'deployment_not_found':
      return {
        detail,
        fix: `set ${target.variable} to an existing ${target.model} deployment (list them: az cognitiveservices account deployment list -g <rg> -n <account> -o table)`,
      };
    case 'azure_unauthorized':
      return { detail, fix: `check AZURE_OPENAI_API_KEY, or without a key ${ROLE}` };
    case 'azure_auth_failed':
      return { detail, fix: 'run `az login` (and `az account set -s <subscription>`), or set AZURE_OPENAI_API_KEY' };
    case 'upstream_rejected':
      return {
        detail,
        fix: `${target.variable} ("${target.deployment}") must be a ${target.model} deployment${/deployment/i.test(detail) ? ' that exists' : ''}; check AZURE_OPENAI_API_VERSION too`,
      };
    case 'upstream_unavailable':
      return {
        detail,
        fix: `Azure is throttling or failing ${target.variable} ("${target.deployment}"): wait a minute, or raise its quota${target.capacity ? ` (azd env set ${target.capacity} …, then azd provision)` : ''}`,
      };
    case 'content_filtered':
      return {
        detail,
        fix: `the content filter on ${target.variable} blocked a harmless prompt: review its filter policy`,
      };
    case 'token_budget_spent':
      return {
        detail,
        fix: `the answer ran out of max_completion_tokens (reasoning tokens count inside it): lower AZURE_OPENAI_REASONING_EFFORT, or check ${target.variable} is ${target.model}`,
      };
    case 'invalid_model_output':
      return { detail, fix: `${target.variable} must be a model with strict structured outputs (${target.model})` };
  }
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|fetch failed|Connection error/i.test(detail))
    return { detail, fix: 'AZURE_OPENAI_ENDPOINT is not reachable from here (DNS, firewall, private endpoint?)' };
  return { detail, fix: `see the message; ${target.variable} is "${target.deployment}"` };
}
