import { z } from 'zod';
import { PersonaSeed, Slug } from './common';
import { Job } from './jobs';
import { ChartSpec } from './chart-spec';

/** A chart image key: the first 128 bits of a SHA-256, in hex (domain/charts/key.ts). */
export const ChartKey = z.string().regex(/^[0-9a-f]{32}$/, 'must be a 32-character hex chart key');
export type ChartKey = z.infer<typeof ChartKey>;

/**
 * The persona seed the scheduled pre-generation paints for (README "Chart images"). A presenter
 * opens the demo with `?seed=7` (or keeps a visitor's stored seed of 7) to find every pre-built
 * chart image already made.
 */
export const DEMO_PERSONA_SEED = 7;

/** POST /api/charts: one chart of the given datasets of a mode, for one persona. */
export const CreateChartImageRequest = z.object({
  modeId: Slug,
  datasetIds: z.array(Slug).min(1).max(4),
  personaSeed: PersonaSeed,
});
export type CreateChartImageRequest = z.infer<typeof CreateChartImageRequest>;

/**
 * A stored chart image. `source` says who drew it: the image model, or our local renderer.
 * `fallback` marks a local render standing in for a model image that was throttled or refused:
 * it is served with a short cache lifetime and replaced when a later retry succeeds.
 */
export const ChartImage = z.object({
  key: ChartKey,
  url: z.string().regex(/^\/api\/charts\/[0-9a-f]{32}$/),
  source: z.enum(['model', 'local']),
  fallback: z.boolean(),
  /** Names the figures drawn, for the img alt text (screen readers get the numbers, not "a chart"). */
  alt: z.string().min(1).max(600),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type ChartImage = z.infer<typeof ChartImage>;

/** POST /api/charts → 202 while the image is made. */
export const ChartJobAccepted = z.object({ jobId: Slug, statusUrl: z.string() });
export type ChartJobAccepted = z.infer<typeof ChartJobAccepted>;

/** GET /api/jobs/{id} for a chart image job: the Job shape with the image as its result. */
export const ChartJob = Job.omit({ kind: true, result: true }).extend({
  kind: z.literal('chart-image'),
  result: ChartImage.optional(),
});
export type ChartJob = z.infer<typeof ChartJob>;

/** What the job needs to draw the chart again in the queue handler (the key pins everything). */
export const ChartJobRequest = z.object({
  modeId: Slug,
  datasetIds: z.array(Slug).min(1).max(4),
  personaSeed: PersonaSeed,
  key: ChartKey,
  /** The month the persona's series end on (YYYY-MM): part of the key, so the drawing matches it. */
  asOf: z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/),
});
export type ChartJobRequest = z.infer<typeof ChartJobRequest>;

/** The stored `jobs/chart_<key>.json`: the public job plus its request, run token and retry plan. */
export const ChartJobRecord = ChartJob.extend({
  request: ChartJobRequest,
  token: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** Until when the running worker holds the job; its heartbeat renews it (api/domain/jobs/staleness.ts). */
  leaseUntil: z.iso.datetime().optional(),
  /**
   * A fallback is stored and delayed retry message number `n` is due at `at`; `started` once a
   * delivery of it claimed the attempt (so a duplicate delivery or the timer does not run it twice).
   */
  retry: z
    .object({ n: z.number().int().min(1).max(20), at: z.iso.datetime(), started: z.iso.datetime().optional() })
    .optional(),
});
export type ChartJobRecord = z.infer<typeof ChartJobRecord>;

/**
 * The `chart-images` queue message. `retry` 0 is the first run; n ≥ 1 is the nth delayed attempt
 * to replace a fallback with the model's image. Base64-encoded by the queue adapter.
 */
export const ChartImageMessage = z.object({
  v: z.literal(1),
  jobId: Slug,
  token: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  retry: z.number().int().min(0).max(20),
});
export type ChartImageMessage = z.infer<typeof ChartImageMessage>;

/** Blob metadata of `charts/<key>.png` (strings only, as Blob metadata is), validated on every read. */
export const ChartImageMeta = z.object({
  source: z.enum(['model', 'local']),
  fallback: z.enum(['true', 'false']),
  width: z.string().regex(/^\d{1,5}$/),
  height: z.string().regex(/^\d{1,5}$/),
  /** Alt text, URI-encoded (Blob metadata values must be ASCII). */
  alt: z.string().min(1).max(2000),
});
export type ChartImageMeta = z.infer<typeof ChartImageMeta>;

/** make_chart_image arguments (the chat and voice tool). */
export const MakeChartImageArgs = z.object({
  dataset_ids: z
    .array(z.string().min(1).max(48))
    .min(1)
    .max(4)
    .describe('Dataset ids of the current mode to illustrate together.'),
});
export type MakeChartImageArgs = z.infer<typeof MakeChartImageArgs>;

/** What make_chart_image returns: the chart it illustrates, and the image or the job making it. */
export const MakeChartImageResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready'), chart: ChartSpec, image: ChartImage }),
  z.object({ status: z.literal('generating'), chart: ChartSpec, jobId: Slug, message: z.string() }),
]);
export type MakeChartImageResult = z.infer<typeof MakeChartImageResult>;
