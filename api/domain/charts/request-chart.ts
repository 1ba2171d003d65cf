import {
  ChartJobRecord,
  type ChartImage,
  type ChartImageMessage,
  type ChartJob,
  type CreateChartImageRequest,
} from '../../contracts/charts';
import { CHART_IMAGES_QUEUE } from '../../contracts/jobs';
import { claimJob } from '../documents';
import { NotFound, UpstreamUnavailable } from '../errors';
import type { PersonaAt } from '../persona';
import type { Clock, DocumentStore, ImageGenerator, ImageStore, JobQueue } from '../ports';
import type { ModeCatalog } from '../tools/context';
import { chartJobPath, failChart, isRestartable, newChartJob, publicChartJob, retryPending } from './chart-job';
import { chartJobId, chartKey, monthOf } from './key';
import { buildChartPicture, pictureDatasets, type ChartPicture } from './picture';
import { readStoredImage } from './stored-image';

export interface ChartRequestDeps {
  modes: ModeCatalog;
  store: DocumentStore;
  images: ImageStore;
  queue: JobQueue;
  clock: Clock;
  /** The process's one persona function, so a picture shows the numbers the chat and KPI cards say. */
  persona: PersonaAt;
  generator: Pick<ImageGenerator, 'model'>;
  /** A fresh random token per job run (8-64 of A-Z a-z 0-9 _ -). */
  newToken(): string;
}

export type ChartRequestOutcome =
  /** `requeued`: a fallback is being made again (replaceFallback). */
  | { kind: 'ready'; image: ChartImage; picture: ChartPicture; requeued?: boolean }
  | { kind: 'job'; job: ChartJob; created: boolean; picture: ChartPicture };

export interface ChartRequestOptions {
  /** The scheduled pre-generation: a fallback with no retry on its way is asked for again. */
  replaceFallback?: boolean;
  /** Called only when this caller starts a painting (never when it is stored or being made); throws to refuse (the caller's budget). */
  beforeStart?: () => Promise<void>;
}

/**
 * POST /api/charts, make_chart_image and the pre-generation timer: the stored image at once (a
 * cache hit for any visitor asking for the same content), or the one job making it. Concurrent
 * callers for a key share one job — created with If-None-Match: *, so only one creator enqueues —
 * and so at most one generation runs per key however many ask at once.
 */
export async function requestChartImage(
  input: CreateChartImageRequest,
  deps: ChartRequestDeps,
  options: ChartRequestOptions = {},
): Promise<ChartRequestOutcome> {
  const mode = await deps.modes.get(input.modeId);
  if (!mode) throw new NotFound(`Mode "${input.modeId}"`);
  const datasetIds = pictureDatasets(mode, input.datasetIds);
  const now = deps.clock.now();
  const asOf = monthOf(now);
  const picture = buildChartPicture(mode, deps.persona(mode, input.personaSeed, now), datasetIds);
  const key = chartKey({ mode, datasetIds, personaSeed: input.personaSeed, model: deps.generator.model, asOf });
  const stored = await readStoredImage(deps.images, key);
  if (stored && !(options.replaceFallback && stored.fallback)) return { kind: 'ready', image: stored, picture };

  const request = { modeId: mode.id, datasetIds, personaSeed: input.personaSeed, key, asOf };
  // Only a caller who starts a painting pays for it (a fallback's repaint is the system's own).
  const outcome = await ensureChartJob(request, deps, stored !== undefined, stored ? undefined : options.beforeStart);
  if (stored) return { kind: 'ready', image: stored, picture, ...(outcome.created ? { requeued: true } : {}) };
  if (outcome.job.status === 'done') {
    // It finished between our look at Blob and at the job: serve what it stored.
    const image = await readStoredImage(deps.images, key);
    if (image) return { kind: 'ready', image, picture };
  }
  return { kind: 'job', job: publicChartJob(outcome.job, deps.clock.now()), created: outcome.created, picture };
}

/**
 * The one job for a key (`claimJob`). A failed or stale job restarts; a done job restarts only if
 * its image is gone, or (`fallbackStored`) when its fallback has no retry pending any more.
 */
function ensureChartJob(
  request: ChartJobRecord['request'],
  deps: ChartRequestDeps,
  fallbackStored: boolean,
  beforeStart?: () => Promise<void>,
): Promise<{ job: ChartJobRecord; created: boolean }> {
  const id = chartJobId(request.key);
  return claimJob(deps.store, {
    path: chartJobPath(id),
    schema: ChartJobRecord,
    fresh: () => newChartJob(id, request, deps.newToken(), deps.clock.now()),
    restartable: (job) => restartable(job, deps, fallbackStored),
    start: (job) => enqueue(job, deps),
    ...(beforeStart ? { beforeStart } : {}),
    unpaid: (job) => failChart(job, NOT_STARTED, deps.clock.now()),
    busy: 'Chart images are busy right now. Please try again in a moment.',
  });
}

async function restartable(job: ChartJobRecord, deps: ChartRequestDeps, fallbackStored: boolean): Promise<boolean> {
  const now = deps.clock.now();
  if (isRestartable(job, now)) return true;
  if (job.status !== 'done') return false;
  if (fallbackStored) return !retryPending(job, now);
  // Done but we found no image: restart only if it is really gone (not just stored a moment ago).
  return !(await readStoredImage(deps.images, job.request.key));
}

/** What callers who joined a run see when its starter's daily budget refused to pay for it. */
const NOT_STARTED = {
  code: 'not_started',
  message: 'This picture was not started: the daily limit of whoever asked first was reached. Please try again.',
  retryable: true,
};

/** Only the creator of a run enqueues it; if the queue is down the run is marked failed, so nobody waits on it. */
async function enqueue(job: ChartJobRecord, deps: ChartRequestDeps): Promise<ChartJobRecord> {
  const message: ChartImageMessage = { v: 1, jobId: job.id, token: job.token, retry: 0 };
  try {
    await deps.queue.send(CHART_IMAGES_QUEUE, message);
    return job;
  } catch {
    const failed = failChart(
      job,
      {
        code: 'queue_unavailable',
        message: 'The image queue could not be reached. Please try again.',
        retryable: true,
      },
      deps.clock.now(),
    );
    await deps.store.putJson(chartJobPath(job.id), failed).catch(() => undefined);
    throw new UpstreamUnavailable('The image queue could not be reached. Please try again in a moment.');
  }
}
