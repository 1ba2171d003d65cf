import type { ChatRequestBody, EmulatedDeployment } from './types';
import * as wire from './wire';

/** What a completion is made of before the token budget is applied. */
export interface Spendable {
  text: string;
  calls: { id: string; name: string; arguments: string }[];
  finish: string;
}

/**
 * Hidden reasoning tokens a GPT-5-class deployment spends for an answer of `visible` tokens at
 * each effort (no effort sent = medium, the default: https://learn.microsoft.com/azure/foundry/openai/how-to/reasoning).
 * A fixed part plus a share of the answer, so minimal is cheap and medium alone can exceed a
 * budget sized for the visible answer. Shaped after published gpt-5-mini measurements on Azure,
 * where output tokens grow from minimal/low to medium and several-fold at high
 * (https://qiita.com/FukuharaYohei/items/8143f4d51fc30624c39f); deterministic so tests can reason
 * about it.
 */
const EFFORT: Record<string, { base: number; perVisible: number }> = {
  minimal: { base: 0, perVisible: 0.1 },
  low: { base: 512, perVisible: 0.5 },
  medium: { base: 2048, perVisible: 1.5 },
  high: { base: 6144, perVisible: 3 },
};

export const DEFAULT_EFFORT = 'medium';

export function reasoningTokensFor(effort: string | undefined, visibleTokens: number): number {
  const e = EFFORT[effort ?? DEFAULT_EFFORT] ?? EFFORT[DEFAULT_EFFORT]!;
  return Math.round(e.base + e.perVisible * visibleTokens);
}

/** The emulator's token count: 4 characters a token, as wire.usageOf. */
export const tokensOf = (chars: number) => Math.ceil(chars / 4);

/**
 * Azure's refusal of a reasoning_effort value the model does not take, in OpenAI's wording
 * (GPT-5 models add `minimal`; later models and o-series take low/medium/high: how-to/reasoning).
 */
export function effortRefusal(body: ChatRequestBody, deployment: EmulatedDeployment): wire.WireError | undefined {
  const effort = body.reasoning_effort;
  if (effort === undefined || !deployment.efforts || deployment.efforts.includes(effort)) return undefined;
  const allowed = deployment.efforts.map((e) => `'${e}'`).join(', ');
  return {
    status: 400,
    body: {
      error: {
        message: `Unsupported value: 'reasoning_effort' does not support '${effort}' with this model. Supported values are: ${allowed}.`,
        type: 'invalid_request_error',
        param: 'reasoning_effort',
        code: 'unsupported_value',
      },
    },
  };
}

/**
 * Strict reasoning: hidden reasoning tokens come out of `max_completion_tokens` before any visible
 * token, as on Azure, where they count inside completion_tokens
 * (`usage.completion_tokens_details.reasoning_tokens`). When the budget is spent first the answer
 * ends with `finish_reason: "length"` and whatever visible part fit — often nothing
 * (https://platform.openai.com/docs/guides/reasoning#allocating-space-for-reasoning). Non-reasoning
 * deployments, or strictness off, spend nothing on reasoning (and are not cut).
 */
export function spendBudget<C extends Spendable>(
  completion: C,
  body: ChatRequestBody,
  deployment: EmulatedDeployment,
  strict: boolean,
): { completion: C; reasoningTokens: number | undefined } {
  if (deployment.kind !== 'reasoning') return { completion, reasoningTokens: undefined };
  if (!strict) return { completion, reasoningTokens: 0 };
  const visibleChars = completion.text.length + completion.calls.reduce((n, c) => n + c.arguments.length, 0);
  const reasoning = reasoningTokensFor(body.reasoning_effort, tokensOf(visibleChars));
  const budget = body.max_completion_tokens;
  if (budget === undefined || reasoning + tokensOf(visibleChars) <= budget)
    return { completion, reasoningTokens: reasoning };
  const spent = Math.min(reasoning, budget);
  const left = Math.max(0, budget - spent);
  return {
    completion: { ...completion, text: completion.text.slice(0, left * 4), calls: [], finish: 'length' },
    reasoningTokens: spent,
  };
}
