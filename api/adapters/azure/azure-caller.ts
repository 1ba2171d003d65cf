import type { OpenAI } from 'openai';
import { ContentFiltered, UpstreamUnavailable } from '../../domain/errors';
import type { DeploymentLimiters } from './concurrency';
import { AzureRequestRejected, AzureUnauthorized, DeploymentMissing } from './errors';
import { classifyAzureError } from './classify-error';
import type { OpenAiClientHolder } from './openai-client';
import { backoffDelayMs, busyMessage, exhaustedMessage, type RetryPolicy } from './retry';
import { REASONING_EFFORTS } from '../../config';

export type StatusChunk = { type: 'status'; message: string };

/** Which deployment a call goes to, and the variable that names it (for error messages). */
export interface DeploymentTarget {
  deployment: string;
  variable: string;
}

/**
 * Parameters a model may refuse (reasoning models reject sampling parameters and, for o-series,
 * `parallel_tool_calls` — docs/pitfalls.md 3.2/3.5; https://learn.microsoft.com/azure/foundry/openai/how-to/reasoning,
 * "API & feature support"), and `reasoning_effort` once no value of it is taken. Only these are ever dropped.
 */
const DROPPABLE = new Set([
  'parallel_tool_calls',
  'reasoning_effort',
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'stop',
]);

/**
 * Parameters whose refused *value* moves one step up its ladder before the parameter is dropped:
 * GPT-5 models take `minimal` effort, later ones and o-series only low/medium/high
 * (https://learn.microsoft.com/azure/foundry/openai/how-to/reasoning, "Reasoning effort"), and a
 * model without reasoning refuses the parameter itself.
 */
const LADDERS: Readonly<Record<string, readonly string[]>> = { reasoning_effort: REASONING_EFFORTS };

/** What one deployment refused earlier in this process. */
interface Refusals {
  params: Set<string>;
  values: Map<string, Set<string>>;
}

/** The body as this deployment takes it: refused parameters left out, refused values moved up their ladder. */
function adapt<B extends object>(body: B, refusals: Refusals): B {
  if (refusals.params.size === 0 && refusals.values.size === 0) return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (refusals.params.has(key)) continue;
    const ladder = LADDERS[key];
    const refused = refusals.values.get(key);
    if (!ladder || !refused || typeof value !== 'string' || !refused.has(value)) {
      out[key] = value;
      continue;
    }
    const next = ladder.slice(ladder.indexOf(value) + 1).find((v) => !refused.has(v));
    if (next !== undefined) out[key] = next;
  }
  return out as B;
}

/**
 * The one way the Azure adapters call Azure: a concurrency slot per deployment, our own retries
 * (SDK retries are off), parameters a deployment refused dropped and remembered, and Azure's
 * errors translated into domain errors. Generators yield `status` chunks while they wait.
 */
export class AzureCaller {
  private readonly refusals = new Map<string, Refusals>();

  constructor(
    private readonly client: OpenAiClientHolder,
    private readonly limiters: DeploymentLimiters,
    private readonly policy: RetryPolicy,
  ) {}

  /** A concurrency slot for the deployment; says so when the caller has to queue for it. */
  async *slot(deployment: string, signal?: AbortSignal): AsyncGenerator<StatusChunk, () => void> {
    const limiter = this.limiters.for(deployment);
    const now = limiter.tryAcquire();
    if (now) return now;
    yield { type: 'status', message: 'Azure is busy — waiting for a free slot…' };
    return await limiter.acquire(signal);
  }

  /** Sends one request under the retry policy; returns what `run` returns. */
  async *send<B extends object, T>(
    target: DeploymentTarget,
    body: B,
    run: (client: OpenAI, body: B, signal?: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): AsyncGenerator<StatusChunk, T> {
    const client = await this.client.get();
    const refusals = this.refusalsFor(target.deployment);
    for (let attempt = 1; ; attempt++) {
      const sent = adapt(body, refusals);
      try {
        return await run(client, sent, signal);
      } catch (error) {
        const failure = classifyAzureError(error);
        if (failure.kind === 'unsupported' && remember(failure, sent, refusals)) {
          // Retry at once without it (or with the next value), and remember for this deployment.
          attempt--;
          continue;
        }
        if (failure.kind !== 'transient') throw this.translate(error, target);
        if (attempt >= this.policy.attempts) throw new UpstreamUnavailable(exhaustedMessage(failure, attempt));
        const delay = backoffDelayMs(attempt, failure.headers, this.policy);
        if (delay > this.policy.maxDelayMs) {
          throw new UpstreamUnavailable(
            `Azure OpenAI is rate limiting; try again in ${Math.ceil(delay / 1000)} s.`,
            delay,
          );
        }
        yield { type: 'status', message: busyMessage(failure.status, delay, failure.network !== undefined) };
        await this.policy.sleep(delay, signal);
      }
    }
  }

  /** Maps any Azure failure to a domain error (used directly for failures mid-stream, which are not retried). */
  translate(error: unknown, target: DeploymentTarget): unknown {
    const failure = classifyAzureError(error);
    switch (failure.kind) {
      case 'auth':
        return failure.error;
      case 'content_filter':
        return new ContentFiltered('prompt');
      case 'missing':
        return new DeploymentMissing(target.deployment, target.variable);
      case 'unauthorized':
        return new AzureUnauthorized(failure.status, failure.message);
      case 'unsupported':
      case 'rejected':
        return new AzureRequestRejected(failure.status, failure.message);
      case 'transient':
        return new UpstreamUnavailable('Azure OpenAI did not answer in time. Please try again.');
      case 'abort':
      case 'unknown':
        return error;
    }
  }

  /** Parameters this deployment refused earlier in this process. */
  droppedFor(deployment: string): ReadonlySet<string> {
    return this.refusalsFor(deployment).params;
  }

  private refusalsFor(deployment: string): Refusals {
    let refusals = this.refusals.get(deployment);
    if (!refusals) {
      refusals = { params: new Set(), values: new Map() };
      this.refusals.set(deployment, refusals);
    }
    return refusals;
  }
}

/**
 * Records a refusal worth retrying without; false when there is nothing left to change (so the
 * error stands). Each refusal removes a parameter or a value for good, so retries are bounded.
 */
function remember(
  failure: Extract<ReturnType<typeof classifyAzureError>, { kind: 'unsupported' }>,
  sent: object,
  refusals: Refusals,
): boolean {
  const { param } = failure;
  if (!(param in sent) || refusals.params.has(param)) return false;
  const value = (sent as Record<string, unknown>)[param];
  if (LADDERS[param] && failure.code !== 'unsupported_parameter' && typeof value === 'string') {
    const refused = refusals.values.get(param) ?? new Set<string>();
    if (refused.has(value)) return false;
    refused.add(value);
    refusals.values.set(param, refused);
    return true;
  }
  if (!DROPPABLE.has(param)) return false;
  refusals.params.add(param);
  return true;
}
