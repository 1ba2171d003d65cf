import type { JobError } from '../../../contracts/jobs';
import { ContentFiltered, DomainError } from '../../errors';
import { GenerationRejected } from './build-mode';

/** The reason a user sees: our own domain messages as they are, anything else generic (no internals). */
export function failureReason(error: unknown, lastAttempt: boolean, attempts: number): JobError {
  // Azure's content filter screened the design call (prompt or completion): asking again with the
  // same words gets the same answer, so the job fails for good, politely, without echoing the words.
  if (error instanceof ContentFiltered) {
    return {
      code: 'content_filtered',
      message:
        "Sorry, we can't design this one: Azure's content filter stopped it. Please ask for another industry or company name.",
      retryable: false,
    };
  }
  if (error instanceof GenerationRejected) {
    return {
      code: error.code,
      message: 'The generated design did not pass our checks. Please try again, or use other words.',
      retryable: true,
    };
  }
  const detail = error instanceof DomainError ? error.message.replace(/\.$/, '') : 'the generator did not answer';
  const message = lastAttempt
    ? `Designing this mode failed after ${attempts} attempts (${detail}). Please try again.`
    : `Designing this mode failed (${detail}). Please try again.`;
  return { code: 'generation_failed', message: message.slice(0, 300), retryable: true };
}
