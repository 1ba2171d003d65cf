import type { ModeBrandDraft } from '../../../contracts/generated-mode';
import type { JobRecord, ModeGenerationMessage } from '../../../contracts/jobs';
import { Mode } from '../../../contracts/mode';
import { DomainError } from '../../errors';
import type { Clock, DocumentStore, ModeGenerator } from '../../ports';
import { DEFAULT_LEASE_MS, heartbeatEvery } from '../../jobs/staleness';
import { withHeartbeat } from '../../jobs/heartbeat';
import { brandToContinue, RunSuperseded } from './brand-step';
import { buildBrand, buildGeneratedMode } from './build-mode';
import { failureReason } from './failure-reason';
import {
  complete,
  fail,
  modePath,
  readJob,
  recordBrand,
  renewLease,
  requeue,
  startAttempt,
  updateJob,
  withoutProgress,
} from './job';
import { isBuiltinId } from './key';

export interface GenerationDeps {
  store: DocumentStore;
  generator: ModeGenerator;
  clock: Clock;
  /** How long a running attempt holds the job without a heartbeat (default DEFAULT_LEASE_MS). */
  leaseMs?: number;
  log?(message: string): void;
  /** How the worker waits between looks for the creating request's brand (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
}

/** Where this delivery stands: the host's dequeue count and its max before `<queue>-poison`. */
export interface Delivery {
  dequeueCount: number;
  maxDequeueCount: number;
}

export type ProcessOutcome = 'done' | 'reused' | 'failed' | 'skipped';

/**
 * The `mode-generation` queue handler's logic. Idempotent: a superseded or finished run is
 * skipped, and a mode already in Blob is reused, never regenerated. Transient failures move the
 * job back to `queued` and rethrow so the host retries after its visibility timeout; the last
 * attempt marks the job `failed` with its reason *before* rethrowing, so the message lands in
 * `<queue>-poison` (kept for inspection) and the job never stays `running`. Permanent failures
 * (a rejected design) fail the job at once without burning retries.
 */
export async function processModeGeneration(
  message: ModeGenerationMessage,
  delivery: Delivery,
  deps: GenerationDeps,
): Promise<ProcessOutcome> {
  const { store, clock } = deps;
  const current = await readJob(store, message.jobId);
  const live = (j: JobRecord) => j.token === message.token && (j.status === 'queued' || j.status === 'running');
  if (!current || !live(current.job)) {
    deps.log?.(
      `mode-generation: skipping ${message.jobId} (${current ? `${current.job.status}, ${current.job.token === message.token ? 'same run' : 'superseded'}` : 'no job document'})`,
    );
    return 'skipped';
  }
  const key = current.job.id;
  const settle = (change: (j: JobRecord) => JobRecord) =>
    updateJob(store, key, (j) => (live(j) ? change(j) : undefined));

  if (isBuiltinId(key)) {
    await settle((j) =>
      fail(
        j,
        { code: 'reserved_id', message: 'That name belongs to a pre-built mode.', retryable: false },
        clock.now(),
      ),
    );
    return 'failed';
  }
  // A duplicate delivery after a crash between "stored" and "done" finds the mode and just finishes.
  const existing = Mode.safeParse(await store.getJson(modePath(key)));
  if (existing.success) {
    await settle((j) => complete(j, key, clock.now()));
    return 'reused';
  }

  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const started = await settle((j) => startAttempt(j, delivery.dequeueCount, clock.now(), leaseMs));
  if (!started || !live(started)) return 'skipped';
  // While the model designs, the lease is renewed: a worker that dies stops beating, and about a
  // minute later the next request (or delivery) takes the job over instead of joining a dead run.
  const beat = async () => {
    const mine = (j: JobRecord) => live(j) && j.status === 'running';
    const renewed = await updateJob(store, key, (j) => (mine(j) ? renewLease(j, clock.now(), leaseMs) : undefined));
    return renewed !== undefined && mine(renewed);
  };
  try {
    const mine = (j: JobRecord) => live(j) && j.status === 'running';
    // The brand step's look goes on the job at once (checked like the finished mode), unless one is
    // there already, which then stands; a run that lost the job meanwhile stops here instead of
    // designing on for nobody.
    const onBrand = async (raw: ModeBrandDraft): Promise<ModeBrandDraft> => {
      const brand = buildBrand(raw, started.request.companyName);
      const shown = await updateJob(store, key, (j) =>
        mine(j) && !j.brandDraft ? recordBrand(j, brand, raw, clock.now()) : undefined,
      );
      if (!shown || !mine(shown) || !shown.brandDraft) throw new RunSuperseded();
      return shown.brandDraft;
    };
    const draft = await withHeartbeat(
      async () => {
        // The request that created the run designs the brand itself (issue #12), and an earlier
        // attempt or a crashed run may have shown one: the details are made for that look.
        const brand = await brandToContinue(store, clock, key, message.token, deps.sleep);
        return deps.generator.generate(started.request, {
          onBrand,
          log: (line) => deps.log?.(`mode-generation: ${key} ${line}`),
          ...(brand ? { brand } : {}),
        });
      },
      beat,
      heartbeatEvery(leaseMs),
      (line) => deps.log?.(`mode-generation: ${key} ${line}`),
    );
    const mode = buildGeneratedMode(draft, key, started.request.companyName);
    // Create-only: if another run stored this key first, its mode stands (modes are immutable).
    await store.create(modePath(key), mode);
    await settle((j) => complete(j, key, clock.now()));
    return 'done';
  } catch (error) {
    if (error instanceof RunSuperseded) return 'skipped';
    const retryable = !(error instanceof DomainError) || error.retryable;
    const last = delivery.dequeueCount >= delivery.maxDequeueCount;
    deps.log?.(
      `mode-generation: ${key} attempt ${delivery.dequeueCount}/${delivery.maxDequeueCount} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (retryable && !last) {
      // The brand already shown stays: the next attempt designs only the details, for that look.
      await settle((j) => requeue(j, clock.now()));
      throw error;
    }
    await settle((j) => fail(withoutProgress(j), failureReason(error, last, delivery.dequeueCount), clock.now()));
    if (retryable) throw error;
    return 'failed';
  }
}
