import type { OpenAI } from 'openai';
import { ContentFiltered, UpstreamUnavailable } from '../../domain/errors';
import type { DeploymentLimiters } from './concurrency';
import { AzureRequestRejected, AzureUnauthorized, DeploymentMissing } from './errors';
import { classifyAzureError } from './classify-error';
import type { OpenAiClientHolder } from './openai-client';
import { backoffDelayMs, busyMessage, type RetryPolicy } from './retry';

export type StatusChunk = { type: 'status'; message: string };

/** Which deployment a call goes to, and the variable that names it (for error messages). */
export interface DeploymentTarget {
  deployment: string;
  variable: string;
}

/**
 * Parameters a model may refuse (reasoning models reject sampling parameters and, for o-series,
 * `parallel_tool_calls` — PITFALLS 3.2/3.5; AZURE-FACTS §4.5). Only these are ever dropped.
 */
const DROPPABLE = new Set([
  'parallel_tool_calls',
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'stop',
]);

function without<B extends object>(body: B, keys: ReadonlySet<string>): B {
  if (keys.size === 0) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !keys.has(key))) as B;
}

/**
 * The one way the Azure adapters call Azure: a concurrency slot per deployment, our own retries
 * (SDK retries are off), parameters a deployment refused dropped and remembered, and Azure's
 * errors translated into domain errors. Generators yield `status` chunks while they wait.
 */
export class AzureCaller {
  private readonly dropped = new Map<string, Set<string>>();

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
    const dropped = this.droppedFor(target.deployment);
    for (let attempt = 1; ; attempt++) {
      try {
        return await run(client, without(body, dropped), signal);
      } catch (error) {
        const failure = classifyAzureError(error);
        if (
          failure.kind === 'unsupported' &&
          failure.param in body &&
          DROPPABLE.has(failure.param) &&
          !dropped.has(failure.param)
        ) {
          // Retry at once without it, and never send it to this deployment again.
          dropped.add(failure.param);
          attempt--;
          continue;
        }
        if (failure.kind !== 'transient') throw this.translate(error, target);
        if (attempt >= this.policy.attempts) {
          throw new UpstreamUnavailable(
            `Azure OpenAI is busy right now (${attempt} attempts). Please try again in a moment.`,
          );
        }
        const delay = backoffDelayMs(attempt, failure.headers, this.policy);
        if (delay > this.policy.maxDelayMs) {
          throw new UpstreamUnavailable(
            `Azure OpenAI is rate limiting; try again in ${Math.ceil(delay / 1000)} s.`,
            delay,
          );
        }
        yield { type: 'status', message: busyMessage(failure.status, delay) };
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
  droppedFor(deployment: string): Set<string> {
    let set = this.dropped.get(deployment);
    if (!set) {
      set = new Set();
      this.dropped.set(deployment, set);
    }
    return set;
  }
}
