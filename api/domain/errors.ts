/** Domain errors carry a stable code and an HTTP status; `withErrors` (api/http/errors.ts) maps them to JSON. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly retryable = false,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} was not found.`, 404);
  }
}

export class BadRequest extends DomainError {
  constructor(message: string, code = 'bad_request') {
    super(code, message, 400);
  }
}

export class UpstreamUnavailable extends DomainError {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super('upstream_unavailable', message, 503, true);
  }
}

/**
 * Azure's content filter refused the prompt (HTTP 400 `content_filter`) or cut the completion
 * (`finish_reason: "content_filter"`); the chat answers in character instead of failing (docs/pitfalls.md 5.1).
 */
export class ContentFiltered extends DomainError {
  constructor(readonly where: 'prompt' | 'completion') {
    super('content_filtered', "Azure's content filter blocked this message. Please rephrase it.", 422, false);
  }
}

/** A daily allowance is spent: the paid work a tool would start (a picture, a new mode) is refused. */
export class BudgetSpent extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    /** The limit that is spent, e.g. `images_per_day`. */
    readonly limit: string,
  ) {
    super('rate_limited', message, 429, true);
  }
}
