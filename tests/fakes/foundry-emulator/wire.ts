// Azure OpenAI's wire format, as it is actually sent (https://learn.microsoft.com/azure/ai-foundry/openai/reference).
import { randomBytes } from 'node:crypto';

const SAFE = { filtered: false, severity: 'safe' };

/** Per-category results on a prompt or a choice when nothing was filtered. */
export function safeFilterResults(): Record<string, unknown> {
  return { hate: SAFE, jailbreak: { filtered: false, detected: false }, self_harm: SAFE, sexual: SAFE, violence: SAFE };
}

/** The per-choice annotation of a filtered completion. */
export function filteredCompletionResults(): Record<string, unknown> {
  return { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: { filtered: true, severity: 'high' } };
}

export const promptFilterResults = () => [{ prompt_index: 0, content_filter_results: safeFilterResults() }];

export const newId = (prefix: string) => `${prefix}-${randomBytes(12).toString('base64url')}`;

/** The first streamed chunk: no choices, only the prompt's filter annotations (https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter). */
export function promptFilterChunk(): Record<string, unknown> {
  return {
    id: '',
    choices: [],
    created: 0,
    model: '',
    object: '',
    system_fingerprint: null,
    prompt_filter_results: promptFilterResults(),
  };
}

export function chunk(id: string, model: string, choice: Record<string, unknown>): Record<string, unknown> {
  return {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: 'fp_emulator',
    choices: [{ index: 0, logprobs: null, finish_reason: null, content_filter_results: {}, ...choice }],
  };
}

export function usageChunk(id: string, model: string, usage: Usage): Record<string, unknown> {
  return {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: 'fp_emulator',
    choices: [],
    usage,
  };
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details?: { reasoning_tokens: number };
}

/**
 * Reasoning deployments count their hidden reasoning inside completion_tokens and report it in
 * `completion_tokens_details.reasoning_tokens` (https://learn.microsoft.com/azure/foundry/openai/how-to/reasoning).
 */
export function usageOf(promptChars: number, completionChars: number, reasoningTokens?: number): Usage {
  const prompt_tokens = Math.ceil(promptChars / 4);
  const completion_tokens = Math.ceil(completionChars / 4) + (reasoningTokens ?? 0);
  return {
    prompt_tokens,
    completion_tokens,
    total_tokens: prompt_tokens + completion_tokens,
    ...(reasoningTokens !== undefined ? { completion_tokens_details: { reasoning_tokens: reasoningTokens } } : {}),
  };
}

/** An error as Azure sends it: `{ error: { message, type, param, code } }`. */
export interface WireError {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** HTTP 400 for a filtered prompt, exactly as sent in practice (https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter). */
export function promptFilteredError(): WireError {
  return {
    status: 400,
    body: {
      error: {
        message:
          "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
        type: null,
        param: 'prompt',
        code: 'content_filter',
        status: 400,
        innererror: {
          code: 'ResponsibleAIPolicyViolation',
          content_filter_result: {
            ...safeFilterResults(),
            jailbreak: { filtered: false, detected: false },
            violence: { filtered: true, severity: 'medium' },
          },
        },
      },
    },
  };
}

/** HTTP 429 with Azure's headers and wording (https://learn.microsoft.com/azure/ai-foundry/openai/quotas-limits). */
export function rateLimitError(deployment: string, retryAfterMs?: number, retryAfterSeconds?: number): WireError {
  const seconds = retryAfterSeconds ?? Math.max(1, Math.ceil((retryAfterMs ?? 1000) / 1000));
  const headers: Record<string, string> = {
    'retry-after': String(seconds),
    'x-ratelimit-remaining-requests': '0',
    'x-ratelimit-remaining-tokens': '0',
    'policy-id': 'DeploymentRatelimit-Token',
    'x-ms-region': 'Sweden Central',
  };
  if (retryAfterMs !== undefined) headers['retry-after-ms'] = String(retryAfterMs);
  return {
    status: 429,
    headers,
    body: {
      error: {
        code: '429',
        message: `Your requests to ${deployment} for ${deployment} in Sweden Central have exceeded the token rate limit for your current AIServices S0 pricing tier. This request was for ChatCompletions_Create under Azure OpenAI API version 2025-04-01-preview. Please retry after ${seconds} second${seconds === 1 ? '' : 's'}. To increase your default rate limit, visit: https://aka.ms/oai/quotaincrease.`,
      },
    },
  };
}

/** Reasoning models refuse sampling parameters and, on o-series, parallel_tool_calls (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/reasoning). */
export function unsupportedParameterError(param: string): WireError {
  const extra = param === 'max_tokens' ? " Use 'max_completion_tokens' instead." : '';
  return {
    status: 400,
    body: {
      error: {
        message: `Unsupported parameter: '${param}' is not supported with this model.${extra}`,
        type: 'invalid_request_error',
        param,
        code: 'unsupported_parameter',
      },
    },
  };
}

export function deploymentNotFoundError(): WireError {
  return {
    status: 404,
    body: {
      error: {
        code: 'DeploymentNotFound',
        message:
          'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
      },
    },
  };
}

export function invalidRequestError(message: string, param: string | null = null): WireError {
  return { status: 400, body: { error: { message, type: 'invalid_request_error', param, code: null } } };
}

export function unauthorizedError(bearer: boolean): WireError {
  return bearer
    ? { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } } }
    : {
        status: 401,
        body: {
          error: {
            code: '401',
            message:
              'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
          },
        },
      };
}

export function notFoundError(): WireError {
  return { status: 404, body: { error: { code: '404', message: 'Resource not found' } } };
}
