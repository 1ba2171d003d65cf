import type { ModeBrandDraft, ModeGenerationRequest } from '../../../contracts/generated-mode';
import type { JobRecord } from '../../../contracts/jobs';
import { DomainError } from '../../errors';
import type { Clock, DocumentStore } from '../../ports';
import { buildBrand } from './build-mode';
import { failureReason } from './failure-reason';
import { fail, readJob, recordBrand, releaseBrand, updateJob } from './job';

/**
 * How long the request that created a run may take over its brand step before the worker stops
 * waiting and designs one itself: a brand call is ~2-3 s (one ~150-token answer, one retry of an
 * invalid one at most), so this is reached only when that request died, its instance was frozen
 * after answering, or the model is throttled — then a second brand call is the lesser delay.
 */
export const BRAND_STEP_MS = 10_000;
/** How often a worker that arrived first looks whether the request's brand has landed. */
export const BRAND_WAIT_POLL_MS = 150;

export interface BrandStepDeps {
  store: DocumentStore;
  clock: Clock;
  designBrand(request: ModeGenerationRequest, log?: (line: string) => void): Promise<ModeBrandDraft>;
  log?: (line: string) => void;
}

/** The same run, still waiting for its look: only then may a brand be recorded on it. */
const awaitingBrand = (job: JobRecord, token: string) =>
  job.token === token && (job.status === 'queued' || job.status === 'running') && !job.brandDraft;

/**
 * The brand step, run by the request that created the job (issue #12) while the queue message
 * waits for a worker: the look lands on the job about a queue pickup sooner. Checked exactly as the
 * worker checks it (buildBrand). A design that fails our checks, or a refusal, fails the job at
 * once with its reason (the page offers Retry); a transient failure hands the step to the worker,
 * which designs the brand itself with the queue's retries. Never throws: the request has answered.
 */
export async function designBrandInRequest(job: JobRecord, deps: BrandStepDeps): Promise<void> {
  const { store, clock } = deps;
  try {
    const draft = await deps.designBrand(job.request, deps.log);
    const brand = buildBrand(draft, job.request.companyName);
    // First recorded wins: a worker that stopped waiting may have shown its own meanwhile.
    await updateJob(store, job.id, (j) =>
      awaitingBrand(j, job.token) ? recordBrand(j, brand, draft, clock.now()) : undefined,
    );
  } catch (error) {
    const permanent = error instanceof DomainError && !error.retryable;
    deps.log?.(
      `mode-generation: ${job.id} brand step in the request failed${permanent ? '' : ' (the worker designs it)'}: ${error instanceof Error ? error.message : String(error)}`,
    );
    await updateJob(store, job.id, (j) => {
      if (!awaitingBrand(j, job.token)) return undefined;
      return permanent ? fail(releaseBrand(j), failureReason(error, false, 0), clock.now()) : releaseBrand(j);
    }).catch((e: unknown) =>
      deps.log?.(`mode-generation: ${job.id} could not record the brand step's failure: ${String(e)}`),
    );
  }
}

/** This run no longer holds the job (superseded, taken over, failed or finished elsewhere). */
export class RunSuperseded extends Error {}

/**
 * For the worker: the brand this run continues from. Already on the job (the request's, or an
 * earlier attempt's) → that one; the creating request still designing it → wait for it, up to its
 * `brandUntil` (bounded in tries too); otherwise undefined, and the worker designs its own.
 */
export async function brandToContinue(
  store: DocumentStore,
  clock: Clock,
  key: string,
  token: string,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ModeBrandDraft | undefined> {
  for (let tries = Math.ceil(BRAND_STEP_MS / BRAND_WAIT_POLL_MS) + 1; tries > 0; tries--) {
    const doc = await readJob(store, key);
    const job = doc?.job;
    if (!job || job.token !== token || (job.status !== 'queued' && job.status !== 'running')) throw new RunSuperseded();
    if (job.brandDraft) return job.brandDraft;
    if (!job.brandUntil || clock.now().getTime() >= Date.parse(job.brandUntil)) return undefined;
    await sleep(BRAND_WAIT_POLL_MS);
  }
  return undefined;
}
