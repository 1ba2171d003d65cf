import type { ChartImageMessage, ChartJobRecord } from '../../contracts/charts';
import { CHART_IMAGES_QUEUE } from '../../contracts/jobs';
import { DomainError } from '../errors';
import type { Delivery } from '../modes/generation/process-job';
import type { PersonaAt } from '../persona';
import type { ChartRenderer, Clock, DocumentStore, ImageGenerator, ImageStore, JobQueue } from '../ports';
import type { ModeCatalog } from '../tools/context';
import {
  amendChart,
  failChart,
  finishChart,
  readChartJob,
  renewChartLease,
  requeueChart,
  startChart,
  updateChartJob,
} from './chart-job';
import { withHeartbeat } from '../jobs/heartbeat';
import { DEFAULT_LEASE_MS, heartbeatEvery } from '../jobs/staleness';
import { monthStart } from './key';
import { altText, buildChartPicture, type ChartPicture } from './picture';
import { describeImage, readStoredImage, storeImage } from './stored-image';

/** Waits before the nth model retry of a fallback; after the last, the daily pre-generation tries again. */
export const RETRY_DELAYS_SECONDS: readonly number[] = [60, 5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60];
/** Storage queues hide a message for at most 7 days. */
const MAX_DELAY_SECONDS = 7 * 24 * 3600;

export interface ChartProcessDeps {
  store: DocumentStore;
  images: ImageStore;
  modes: ModeCatalog;
  queue: JobQueue;
  clock: Clock;
  /** The process's one persona function, so a picture shows the numbers the chat and KPI cards say. */
  persona: PersonaAt;
  generator: ImageGenerator;
  renderer: ChartRenderer;
  retryDelaysSeconds?: readonly number[];
  /** How long a running attempt holds the job without a heartbeat (default DEFAULT_LEASE_MS). */
  leaseMs?: number;
  log?(line: string): void;
}

export type ChartProcessOutcome = 'done' | 'reused' | 'fallback' | 'replaced' | 'kept-fallback' | 'skipped' | 'failed';

const why = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/** The picture a job draws: its mode and persona as of the month in its key. */
async function pictureFor(
  request: ChartJobRecord['request'],
  deps: ChartProcessDeps,
): Promise<ChartPicture | undefined> {
  const mode = await deps.modes.get(request.modeId);
  if (!mode) return undefined;
  try {
    return buildChartPicture(
      mode,
      deps.persona(mode, request.personaSeed, monthStart(request.asOf)),
      request.datasetIds,
    );
  } catch {
    return undefined; // the mode no longer has these datasets
  }
}

/**
 * The `chart-images` queue handler's logic. Run 0 asks the image model once; throttled (429),
 * filtered, invalid or failing, it stores the locally rendered chart flagged as a fallback,
 * finishes the job with it (the user is never left without an image) and plans a delayed retry.
 * Runs n ≥ 1 are those retries: a success replaces the fallback under the same key. Idempotent:
 * superseded runs, duplicate deliveries and already-stored images are skipped, never regenerated.
 */
export function processChartImage(
  message: ChartImageMessage,
  delivery: Delivery,
  deps: ChartProcessDeps,
): Promise<ChartProcessOutcome> {
  return message.retry === 0 ? firstRun(message, delivery, deps) : retryRun(message, deps);
}

async function firstRun(
  message: ChartImageMessage,
  delivery: Delivery,
  deps: ChartProcessDeps,
): Promise<ChartProcessOutcome> {
  const { store, clock } = deps;
  const live = (j: ChartJobRecord) => j.token === message.token && (j.status === 'queued' || j.status === 'running');
  const current = await readChartJob(store, message.jobId);
  if (!current || !live(current.job)) return 'skipped';
  const { request } = current.job;
  const settle = (change: (j: ChartJobRecord) => ChartJobRecord) =>
    updateChartJob(store, message.jobId, (j) => (live(j) ? change(j) : undefined));

  const picture = await pictureFor(request, deps);
  if (!picture) {
    await settle((j) =>
      failChart(
        j,
        { code: 'chart_unavailable', message: 'This chart no longer exists in its mode.', retryable: false },
        clock.now(),
      ),
    );
    return 'failed';
  }
  const existing = await readStoredImage(deps.images, request.key);
  if (existing && !existing.fallback) {
    await settle((j) => finishChart(j, existing, clock.now()));
    return 'reused';
  }
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const started = await settle((j) => startChart(j, delivery.dequeueCount, clock.now(), leaseMs));
  if (!started?.changed) return 'skipped';
  // The lease is renewed while the model paints: a worker that dies stops beating, and about a
  // minute later the next request (or delivery) takes the job over instead of joining a dead run.
  const mine = (j: ChartJobRecord) => live(j) && j.status === 'running';
  const beat = async () => {
    const renewed = await updateChartJob(store, message.jobId, (j) =>
      mine(j) ? renewChartLease(j, clock.now(), leaseMs) : undefined,
    );
    return renewed !== undefined && mine(renewed.job);
  };
  const alt = altText(picture);
  try {
    const png = await withHeartbeat(
      () => deps.generator.generate(picture),
      beat,
      heartbeatEvery(leaseMs),
      (line) => deps.log?.(`chart-images: ${request.key} ${line}`),
    );
    const image = await storeImage(
      deps.images,
      describeImage(request.key, png, deps.generator.source, false, alt),
      png,
    );
    await settle((j) => finishChart(j, image, clock.now()));
    return 'done';
  } catch (error) {
    deps.log?.(`chart-images: ${request.key} generation failed, storing the local rendering: ${why(error)}`);
    try {
      const png = await deps.renderer.render(picture);
      const image = await storeImage(deps.images, describeImage(request.key, png, 'local', true, alt), png);
      // The stored image may be a model image another run finished meanwhile: then no retry is needed.
      const retry = image.fallback ? plan(1, error, deps) : undefined;
      await settle((j) => finishChart(j, image, clock.now(), retry && { n: 1, at: retry.at }));
      if (retry) await sendRetry(message, 1, retry.delaySeconds, deps);
      return image.fallback ? 'fallback' : 'done';
    } catch (renderError) {
      // Our own renderer or storage failed: transient, so the host retries; the last attempt fails the job.
      const last = delivery.dequeueCount >= delivery.maxDequeueCount;
      const reason = {
        code: 'image_failed',
        message: `Painting this chart failed after ${delivery.dequeueCount} attempts. Please try again.`,
        retryable: true,
      };
      await settle((j) => (last ? failChart(j, reason, clock.now()) : requeueChart(j, clock.now())));
      throw renderError;
    }
  }
}

async function retryRun(message: ChartImageMessage, deps: ChartProcessDeps): Promise<ChartProcessOutcome> {
  const { store, clock } = deps;
  const n = message.retry;
  const due = (j: ChartJobRecord) =>
    j.token === message.token && j.status === 'done' && j.retry?.n === n && !j.retry.started;
  const current = await readChartJob(store, message.jobId);
  if (!current || !due(current.job)) return 'skipped';
  const { request } = current.job;
  const stored = await readStoredImage(deps.images, request.key);
  const picture = await pictureFor(request, deps);
  if ((stored && !stored.fallback) || !picture) {
    await updateChartJob(store, message.jobId, (j) =>
      due(j) ? amendChart(j, clock.now(), { retry: null }) : undefined,
    );
    return 'skipped';
  }
  // Claim the attempt, so a duplicate delivery (or the timer) does not run it a second time.
  const claim = await updateChartJob(store, message.jobId, (j) =>
    due(j) ? amendChart(j, clock.now(), { retry: { ...j.retry!, started: clock.now().toISOString() } }) : undefined,
  );
  if (!claim?.changed) return 'skipped';
  const mine = (j: ChartJobRecord) => j.token === message.token && j.retry?.n === n;
  let png;
  try {
    png = await deps.generator.generate(picture);
  } catch (error) {
    const next = n < (deps.retryDelaysSeconds ?? RETRY_DELAYS_SECONDS).length ? plan(n + 1, error, deps) : undefined;
    deps.log?.(
      `chart-images: ${request.key} retry ${n} failed (${why(error)}); ${next ? `retry ${n + 1} in ${next.delaySeconds} s` : 'the daily pre-generation tries again'}`,
    );
    await updateChartJob(store, message.jobId, (j) =>
      mine(j) ? amendChart(j, clock.now(), { retry: next ? { n: n + 1, at: next.at } : null }) : undefined,
    );
    if (next) await sendRetry(message, n + 1, next.delaySeconds, deps);
    return 'kept-fallback';
  }
  const image = await storeImage(
    deps.images,
    describeImage(request.key, png, deps.generator.source, false, altText(picture)),
    png,
  );
  await updateChartJob(store, message.jobId, (j) =>
    mine(j) ? amendChart(j, clock.now(), { result: image, retry: null }) : undefined,
  );
  return 'replaced';
}

/** When retry n is due: our schedule, or later if Azure asked for longer (retry-after). */
function plan(n: number, error: unknown, deps: ChartProcessDeps): { delaySeconds: number; at: string } {
  const delays = deps.retryDelaysSeconds ?? RETRY_DELAYS_SECONDS;
  const advised =
    error instanceof DomainError && 'retryAfterMs' in error && typeof error.retryAfterMs === 'number'
      ? Math.ceil(error.retryAfterMs / 1000)
      : 0;
  const delaySeconds = Math.min(MAX_DELAY_SECONDS, Math.max(delays[Math.min(n, delays.length) - 1] ?? 60, advised));
  return { delaySeconds, at: new Date(deps.clock.now().getTime() + delaySeconds * 1000).toISOString() };
}

/** A lost retry message only costs time: the plan goes stale and the daily pre-generation asks again. */
async function sendRetry(
  message: ChartImageMessage,
  n: number,
  delaySeconds: number,
  deps: ChartProcessDeps,
): Promise<void> {
  try {
    await deps.queue.send(CHART_IMAGES_QUEUE, { ...message, retry: n } satisfies ChartImageMessage, { delaySeconds });
  } catch (error) {
    deps.log?.(`chart-images: could not schedule retry ${n} of ${message.jobId}: ${why(error)}`);
  }
}
