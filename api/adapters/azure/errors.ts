import { DomainError } from '../../domain/errors';

/**
 * Azure answered 404 `DeploymentNotFound`: the name in config does not match a deployment exactly
 * (docs/pitfalls.md 10.2). The message names the variable to fix.
 */
export class DeploymentMissing extends DomainError {
  constructor(deployment: string, variable: string) {
    super(
      'deployment_not_found',
      `Azure OpenAI has no deployment named "${deployment}". Set ${variable} to the exact (case-sensitive) deployment name shown in the Foundry portal.`,
      502,
    );
  }
}

/** Azure refused our credentials (401/403): the key is wrong or the identity lacks its role. */
export class AzureUnauthorized extends DomainError {
  constructor(status: number, detail: string) {
    super(
      'azure_unauthorized',
      `Azure OpenAI refused the credentials (${status}: ${detail}). Check AZURE_OPENAI_API_KEY, or give the identity from AZURE_CREDENTIAL the "Cognitive Services OpenAI User" role.`,
      502,
    );
  }
}

/** No Microsoft Entra token could be obtained; the message names the credentials tried (docs/pitfalls.md 1.1). */
export class AzureAuthFailed extends DomainError {
  constructor(message: string) {
    super('azure_auth_failed', message, 503);
  }
}

/** Azure rejected the request itself (a 400 we cannot fix by retrying). */
export class AzureRequestRejected extends DomainError {
  constructor(status: number, detail: string) {
    super('upstream_rejected', `Azure OpenAI rejected the request (${status}): ${detail}`, 502);
  }
}

/**
 * The structured deployment answered twice with output that does not fit the schema, after a
 * corrective retry. Permanent (retryable: false): the same prompt gets the same kind of answer, so
 * queue redeliveries would only spend tokens; the user can still ask again.
 */
export class InvalidModelOutput extends DomainError {
  constructor(message: string) {
    super('invalid_model_output', message, 502, false);
  }
}

/**
 * The model declined to answer: with structured outputs a refusal comes back in
 * `message.refusal` instead of JSON (openai-node `ChatCompletionMessage.refusal`;
 * https://platform.openai.com/docs/guides/structured-outputs#refusals). It is not output to
 * correct: the same request gets the same refusal, so it fails at once and for good (retryable:
 * false), saying what the model said.
 */
export class ModelRefused extends DomainError {
  constructor(name: string, deployment: string, refusal: string) {
    super(
      'model_refused',
      `The structured deployment "${deployment}" declined the ${name} request: "${refusal}". Try asking in other words.`,
      422,
      false,
    );
  }
}

/**
 * `finish_reason: "length"`: the answer hit max_completion_tokens — on a reasoning model usually
 * because hidden reasoning tokens, which count inside completion_tokens, spent the budget before
 * the visible JSON was complete (https://learn.microsoft.com/azure/foundry/openai/how-to/reasoning).
 * Permanent: the same budget and effort end the same way.
 */
export class ReasoningBudgetSpent extends DomainError {
  constructor(message: string) {
    super('token_budget_spent', message, 502, false);
  }
}
