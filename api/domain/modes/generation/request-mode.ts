import { JobRecord, MODE_GENERATION_QUEUE, type Job, type ModeGenerationMessage } from '../../../contracts/jobs';
import type { Mode } from '../../../contracts/mode';
import { claimJob } from '../../documents';
import { UpstreamUnavailable } from '../../errors';
import type { Clock, DocumentStore, JobQueue } from '../../ports';
import type { ModeCatalog } from '../../tools/context';
import type { ModeBrandDraft, ModeGenerationRequest } from '../../../contracts/generated-mode';
import { BRAND_STEP_MS, designBrandInRequest } from './brand-step';
import { designableRequest } from './designable';
import { fail, isRestartable, isStale, jobPath, modePath, newJob, publicJob, readJob } from './job';
import { modeKey } from './key';
import { builtinFor } from '../industry-phrases';
import { getBuiltinMode } from '../catalog';
import { companyVariant } from '../company-variant';
import type { SpeculativeBrands } from './speculative-brands';

export interface ModeRequestDeps {
  modes: ModeCatalog;
  store: DocumentStore;
  queue: JobQueue;
  clock: Clock;
  /** A fresh random token per job run (8-64 of A-Z a-z 0-9 _ -). */
  newToken(): string;
  /**
   * A two-step generator's brand step: given, the request that creates a run designs the look at
   * once instead of leaving it to the queue worker (issue #12). Absent for a one-shot design.
   */
  designBrand?: (request: ModeGenerationRequest, log?: (line: string) => void) => Promise<ModeBrandDraft>;
  /** Brand calls the chat started on a command's words (speculate-brand.ts): a run for their key uses its draft. */
  speculative?: SpeculativeBrands;
  log?: (line: string) => void;
}

export type ModeRequestOutcome =
  | {
      kind: 'ready';
      mode: Mode;
      /** What the sanitiser cut from the words when this call made the mode (a company variant); logged, never echoed. */
      flags?: string[];
    }
  | {
      kind: 'job';
      job: Job;
      created: boolean;
      industry: string;
      companyName: string | null;
      flags: string[];
      /**
       * This caller started the run and is designing its brand (issue #12): settles, never rejects,
       * once the brand is on the job (or the step failed or was handed to the worker). Nobody has to
       * wait for it; a stream that stays open can announce the brand when it settles.
       */
      brandStep?: Promise<void>;
    };

export interface ModeRequestOptions {
  /** Called only when this caller starts a design (never when the mode is stored or being made); throws to refuse (the caller's budget). */
  beforeStart?: () => Promise<void>;
}

/**
 * POST /api/modes and switch_mode without a pre-built fit: sanitise, key, and either return the
 * stored (or pre-built) mode or a company variant of a pre-built one at once, or the one job
 * generating it. Concurrent callers for a key
 * share one job: the job document is created with If-None-Match: * (only one creator wins and
 * enqueues), and a failed or stale job is replaced with If-Match on its ETag (again one winner).
 */
export async function requestMode(
  input: { industry: string; companyName?: string | null },
  deps: ModeRequestDeps,
  options: ModeRequestOptions = {},
): Promise<ModeRequestOutcome> {
  // Refused (400, naming the field) before anything is keyed, charged or queued when no design could pass.
  const sanitized = designableRequest(input);
  // "bank" is the pre-built banking mode, not a generated copy of it; with a company name the base id
  // keys the variant, so "bank" + "Wells Fargo" is the same mode however the industry was worded.
  const request = { ...sanitized, industry: builtinFor(sanitized.industry) ?? sanitized.industry };
  const key = modeKey(request.industry, request.companyName);
  // The catalogue answers pre-built ids from code first, so "banking" can never be generated over.
  const stored = await deps.modes.get(key);
  if (stored) return { kind: 'ready', mode: stored };
  // A company on a pre-built industry needs no design: the base under the company's name, at once,
  // and free of the generation allowance (nothing is paid for, so beforeStart is never called).
  const base = request.companyName ? getBuiltinMode(request.industry) : undefined;
  if (base && request.companyName) {
    const mode = await storeVariant(companyVariant(base, key, request.companyName), deps);
    return { kind: 'ready', mode, flags: request.flags };
  }

  // The run's look is designed here and now, from the moment it is paid for, while its message
  // waits for a worker: on Flex Consumption the queue function scales on instances of its own.
  let brandStep: Promise<void> | undefined;
  let brandArrived = false;
  const designBrand = deps.designBrand;
  const ensured = await ensureJob(
    key,
    { industry: request.industry, companyName: request.companyName },
    deps,
    options.beforeStart,
    (run) => {
      if (!run.brandUntil || !designBrand) return;
      // A brand call started on the command's words is this run's brand step: no second call.
      brandArrived = deps.speculative?.isReady(key) ?? false;
      const design = deps.speculative ? deps.speculative.designFor(key, designBrand) : designBrand;
      const stepDeps = {
        store: deps.store,
        clock: deps.clock,
        designBrand: design,
        ...(deps.log ? { log: deps.log } : {}),
      };
      brandStep = designBrandInRequest(run, stepDeps);
    },
  );
  let { job } = ensured;
  const { created } = ensured;
  if (brandArrived && brandStep) {
    // The look is here already (its call started on the command's words and has answered): record
    // it before answering, so the tool result and the chat's job event carry it and the page paints
    // it without waiting for a poll. One write and one read, no model call.
    await brandStep;
    job = (await readJob(deps.store, key))?.job ?? job;
  }
  if (job.status === 'done') {
    const mode = await deps.modes.get(key);
    if (mode) return { kind: 'ready', mode };
  }
  return {
    kind: 'job',
    job: publicJob(job, deps.clock.now()),
    created,
    ...request,
    ...(brandStep ? { brandStep } : {}),
  };
}

/**
 * Create-only, like a generated mode: a variant is immutable once stored, so when two callers race
 * the first one's document stands and both answer with it.
 */
async function storeVariant(mode: Mode, deps: ModeRequestDeps): Promise<Mode> {
  let created: boolean;
  try {
    created = await deps.store.create(modePath(mode.id), mode);
  } catch {
    throw new UpstreamUnavailable('The mode store could not be reached. Please try again in a moment.');
  }
  return created ? mode : ((await deps.modes.get(mode.id)) ?? mode);
}

/**
 * The one job for a key (`claimJob`); a done job whose mode is gone restarts too. Only a caller who
 * starts a design pays, and `onStart` hears of the paid run just before its message is sent.
 */
function ensureJob(
  key: string,
  request: JobRecord['request'],
  deps: ModeRequestDeps,
  beforeStart?: () => Promise<void>,
  onStart?: (run: JobRecord) => void,
): Promise<{ job: JobRecord; created: boolean }> {
  return claimJob(deps.store, {
    path: jobPath(key),
    schema: JobRecord,
    // A run taken over after a crash keeps the look its dead run showed; otherwise a run whose
    // creator designs the brand itself says so, so a quick worker waits for it (brand-step.ts).
    fresh: (previous) => {
      const now = deps.clock.now();
      const carried = previous && previous.status !== 'failed' && isStale(previous, now) ? previous : undefined;
      return newJob(key, request, deps.newToken(), now, {
        ...(carried ? { carried } : {}),
        ...(deps.designBrand ? { brandUntil: new Date(now.getTime() + BRAND_STEP_MS) } : {}),
      });
    },
    restartable: async (job) =>
      isRestartable(job, deps.clock.now()) || (job.status === 'done' && !(await deps.modes.get(key))),
    start: (job) => {
      onStart?.(job);
      return enqueue(job, deps);
    },
    ...(beforeStart ? { beforeStart } : {}),
    unpaid: (job) => fail(job, NOT_STARTED, deps.clock.now()),
    busy: 'Mode generation is busy right now. Please try again in a moment.',
  });
}

/** What callers who joined a run see when its starter's daily budget refused to pay for it. */
const NOT_STARTED = {
  code: 'not_started',
  message: 'This design was not started: the daily limit of whoever asked first was reached. Please try again.',
  retryable: true,
};

/** Only the creator of a run enqueues it. If the queue is down the run is marked failed, so nobody waits on it. */
async function enqueue(job: JobRecord, deps: ModeRequestDeps): Promise<JobRecord> {
  const message: ModeGenerationMessage = { v: 1, jobId: job.id, token: job.token };
  try {
    await deps.queue.send(MODE_GENERATION_QUEUE, message);
    return job;
  } catch {
    const failed = fail(
      job,
      {
        code: 'queue_unavailable',
        message: 'The generation queue could not be reached. Please try again.',
        retryable: true,
      },
      deps.clock.now(),
    );
    await deps.store.putJson(jobPath(job.id), failed).catch(() => undefined);
    throw new UpstreamUnavailable('The generation queue could not be reached. Please try again in a moment.');
  }
}
