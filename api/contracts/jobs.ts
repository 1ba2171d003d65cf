import { z } from 'zod';
import { HexColor, Slug } from './common';
import { ModeBrandDraft, NAME_CHARS } from './generated-mode';
import { IconName, Theme } from './mode';

/** Queue names: kebab-case constants, shared by producers, triggers and host.json. */
export const QUEUE_NAMES = ['mode-generation', 'chart-images'] as const;
export const QueueName = z.enum(QUEUE_NAMES);
export type QueueName = z.infer<typeof QueueName>;
export const MODE_GENERATION_QUEUE: QueueName = 'mode-generation';
export const CHART_IMAGES_QUEUE: QueueName = 'chart-images';

/**
 * host.json `extensions.queues.maxDequeueCount`. The queue handler needs it to know an attempt is
 * the last one before the host moves the message to `<queue>-poison`; a unit test keeps the two equal.
 */
export const MAX_DEQUEUE_COUNT = 5;

export const JOB_KINDS = ['mode-generation', 'chart-image'] as const;
export const JobKind = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKind>;

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobError = z.object({
  code: z.string().min(1).max(48),
  message: z.string().min(1).max(300),
  retryable: z.boolean(),
});
export type JobError = z.infer<typeof JobError>;

/** How far a mode design has come: `brand` once the look is ready, `complete` once the mode is stored. */
export const JOB_STAGES = ['brand', 'complete'] as const;
export const JobStage = z.enum(JOB_STAGES);
export type JobStage = z.infer<typeof JobStage>;

/**
 * The provisional look a design shows while the rest is made: name, colours (the full derived
 * theme, so the page can re-theme without deriving it again), the mark's icon and the tab labels.
 * Derived and checked like the finished mode (build-mode.ts `buildBrand`); the stored mode keeps it.
 */
export const JobBrand = z.object({
  name: z.string().min(2).max(40),
  companyName: z.string().min(2).max(48),
  tagline: z.string().min(2).max(90),
  primaryColor: HexColor,
  theme: Theme,
  icon: IconName,
  tabs: z.array(z.object({ id: Slug, label: z.string().min(1).max(24), icon: IconName })).length(5),
});
export type JobBrand = z.infer<typeof JobBrand>;

/** GET /api/jobs/{id}. */
export const Job = z.object({
  id: Slug,
  kind: JobKind,
  status: JobStatus,
  result: z.object({ modeId: Slug }).optional(),
  error: JobError.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Generation attempts so far (the queue's dequeue count of the latest one). */
  attempts: z.number().int().min(0).max(100),
  /** Mode designs only: `brand` with the provisional look, then `complete`; absent before the brand is ready. */
  stage: JobStage.optional(),
  brand: JobBrand.optional(),
});
export type Job = z.infer<typeof Job>;

/**
 * Two letters or digits (any script), anywhere: the least a word needs to become a mode's name, tagline
 * and key — every generated name is at least two plain characters starting with one (generated-mode.ts
 * `SAFE_TEXT`). A JSON Schema `pattern` (ECMA-262 with the `u` flag), so the OpenAPI document states it.
 */
export const TWO_NAME_CHARS = new RegExp(`[${NAME_CHARS}][\\s\\S]*[${NAME_CHARS}]`, 'u');

/**
 * POST /api/modes. Words that can never make a valid mode are refused here (400 `invalid_request`
 * naming the field), and what is left after sanitising is held to the generated fields' own rules
 * before any job starts (api/domain/modes/generation/designable.ts; docs/api.md "Designing a mode").
 */
export const CreateModeRequest = z.object({
  industry: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(TWO_NAME_CHARS, 'an industry needs at least two letters or digits, for example "veterinary clinic"'),
  companyName: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(TWO_NAME_CHARS, 'a company name needs at least two letters or digits, for example "Acme Federal"')
    .nullable()
    .optional(),
});
export type CreateModeRequest = z.infer<typeof CreateModeRequest>;

/** POST /api/modes → 202 when the mode has to be generated first. */
export const ModeJobAccepted = z.object({ jobId: Slug, statusUrl: z.string() });
export type ModeJobAccepted = z.infer<typeof ModeJobAccepted>;

/**
 * What the stored job document holds beyond the public Job: the sanitised request (the single
 * source of truth the queue handler reads) and a token naming the run, so a message left over from
 * an earlier, superseded run is recognised and dropped.
 */
export const JobRecord = Job.extend({
  request: z.object({
    industry: z.string().min(1).max(60),
    companyName: z.string().min(1).max(40).nullable(),
  }),
  token: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** Until when the running worker holds the job; its heartbeat renews it (api/domain/jobs/staleness.ts). */
  leaseUntil: z.iso.datetime().optional(),
  /**
   * The brand step's draft once it is done (`brand` is what it shows): the details step designs for
   * exactly this, so a retry or a takeover continues from it instead of designing another look.
   */
  brandDraft: ModeBrandDraft.optional(),
  /**
   * Until when the request that created this run is designing its brand (issue #12): the worker
   * waits for it that long instead of designing a second one, then designs its own.
   */
  brandUntil: z.iso.datetime().optional(),
});
export type JobRecord = z.infer<typeof JobRecord>;

/**
 * The `mode-generation` queue message: just a pointer to the job document. Producers base64-encode
 * it (the trigger's default encoding); that lives in the queue adapter only.
 */
export const ModeGenerationMessage = z.object({
  v: z.literal(1),
  jobId: Slug,
  token: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});
export type ModeGenerationMessage = z.infer<typeof ModeGenerationMessage>;
