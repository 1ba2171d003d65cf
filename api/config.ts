import { z } from 'zod';
import { TRANSCRIPTION_MODELS } from './contracts/realtime';

export const AZURE_CREDENTIALS = ['default', 'cli', 'managed-identity', 'client-secret'] as const;

const Env = z.object({
  AI_PROVIDER: z.enum(['azure', 'offline']).optional(),
  /** The resource root, e.g. https://<resource>.openai.azure.com; http only on loopback (the emulator). */
  AZURE_OPENAI_ENDPOINT: z
    .url()
    .refine(
      (u) => /^https:\/\//.test(u) || /^http:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\/?$/.test(u),
      'use https:// (http only on 127.0.0.1/localhost)',
    )
    .refine((u) => !/\/openai(?:\/|$)/.test(u), 'give the resource root without /openai/… (the app adds /openai/v1/)')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  AZURE_OPENAI_CHAT_DEPLOYMENT: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .default('model-router'),
  AZURE_OPENAI_STRUCTURED_DEPLOYMENT: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .default('gpt-5-mini'),
  AZURE_OPENAI_REALTIME_DEPLOYMENT: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .default('gpt-realtime'),
  AZURE_OPENAI_IMAGE_DEPLOYMENT: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .default('gpt-image-1-mini'),
  /** Chart images are diagrams: low quality is fast, cheap and legible; medium for sharper text (AZURE-FACTS §3). */
  AZURE_OPENAI_IMAGE_QUALITY: z.enum(['low', 'medium']).default('low'),
  /** Azure region of the realtime deployment (e.g. swedencentral); voice is refused outside gpt-realtime's regions (PITFALLS 2.3). */
  AZURE_OPENAI_REALTIME_REGION: z
    .string()
    .regex(/^[A-Za-z0-9 _-]{2,40}$/, 'an Azure region name such as swedencentral')
    .optional(),
  /** Model that transcribes the user's speech in a voice session; without one, user transcripts stay empty (PITFALLS 2.4). */
  AZURE_OPENAI_TRANSCRIPTION_MODEL: z.enum(TRANSCRIPTION_MODELS).default('whisper-1'),
  /** Voice sessions are replaced before this age; Azure ends them at 30 minutes (PITFALLS 2.1). Tests use seconds. */
  PRESTO_REALTIME_SESSION_SECONDS: z.coerce.number().int().min(15).max(1800).default(1800),
  AZURE_OPENAI_API_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/)
    .default('2025-04-01-preview'),
  /** Key auth; without it a Microsoft Entra token comes from AZURE_CREDENTIAL (PITFALLS 1.1, 1.3). */
  AZURE_OPENAI_API_KEY: z.string().min(1).optional(),
  AZURE_CREDENTIAL: z.enum(AZURE_CREDENTIALS).default('default'),
  AZURE_TENANT_ID: z.string().min(1).optional(),
  /** client-secret's app id, or a user-assigned managed identity's client id. */
  AZURE_CLIENT_ID: z.string().min(1).optional(),
  AZURE_CLIENT_SECRET: z.string().min(1).optional(),
  /** Read by the Azure SDK itself (@azure/logger); validated here so a typo is named at start-up. */
  AZURE_LOG_LEVEL: z.enum(['verbose', 'info', 'warning', 'error']).optional(),
  /** Per request (and per idle gap while streaming): nothing waits on Azure forever. */
  AZURE_OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(30_000),
  /** Attempts per call on 429/5xx, backing off with jitter and honouring retry-after-ms (PITFALLS 4.2). */
  AZURE_OPENAI_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(6).default(3),
  /**
   * Concurrent calls per deployment from this instance: a ceiling against runaway bursts (PITFALLS
   * 4.2), not a throttle. A chat stream holds its slot for the whole answer (seconds), so a low cap
   * makes the ninth visitor of a live demo wait for other people's answers; Azure's own 429s are
   * handled by retry-after (azure-caller.ts).
   */
  AZURE_OPENAI_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(64),
  // Flex Consumption may re-add an empty AzureWebJobsStorage beside the identity settings: treat '' as unset.
  AzureWebJobsStorage: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
  /** Identity-based storage (Azure, no keys): https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity */
  AzureWebJobsStorage__blobServiceUri: z.url().optional(),
  AzureWebJobsStorage__queueServiceUri: z.url().optional(),
  AzureWebJobsStorage__tableServiceUri: z.url().optional(),
  AzureWebJobsStorage__clientId: z.string().min(1).optional(),
  PRESTO_BLOB_CONTAINER: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/)
    .default('presto'),
  /** Delay between offline-engine text chunks; 0 in benchmarks. */
  PRESTO_OFFLINE_CHUNK_MS: z.coerce.number().int().min(0).max(1000).default(12),
  /**
   * NCRONTAB (6 fields, UTC on Azure) of the chart image pre-generation timer: daily at 00:05 by
   * default, because an image's key includes the month its series ends in: a later hour left the
   * first hours of every month without pre-made images.
   */
  PRESTO_CHART_SCHEDULE: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z*/,?-]+(?:\s+[0-9A-Za-z*/,?-]+){5}$/, 'an NCRONTAB expression with 6 fields, e.g. "0 0 4 * * *"')
    .default('0 5 0 * * *'),
  /** The public demo's budget per anonymous visitor (session + client address), issue #8; e2e raises it. */
  PRESTO_DEMO_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  PRESTO_DEMO_TOKENS_PER_DAY: z.coerce.number().int().min(0).max(100_000_000).default(100_000),
  PRESTO_DEMO_IMAGES_PER_DAY: z.coerce.number().int().min(0).max(100_000).default(10),
  PRESTO_DEMO_GENERATIONS_PER_DAY: z.coerce.number().int().min(0).max(100_000).default(10),
  PRESTO_DEMO_REALTIME_SESSIONS_PER_DAY: z.coerce.number().int().min(0).max(100_000).default(10),
  /**
   * Visitors' worth of budget shared by everyone calling from one client address: sessionIds are
   * client-chosen, so this bounds what a script inventing them can spend, while a room behind one
   * NAT (a conference Wi-Fi) still gets this many visitors' budgets.
   */
  PRESTO_DEMO_VISITORS_PER_NETWORK: z.coerce.number().int().min(1).max(10_000).default(20),
  /**
   * How long a running generation (mode or chart) holds its job without a heartbeat; a killed
   * worker's job is taken over this long after its last beat (api/domain/jobs/staleness.ts).
   * Tests shorten it; 60 s in Azure.
   */
  PRESTO_JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(600).default(60),
  /** TEST ONLY: make mode generation fail or stall on purpose (api/adapters/fault-injection.ts). Never set in Azure. */
  PRESTO_FAULT_INJECTION: z
    .string()
    .regex(
      /^generation-(?:fails(?:-once)?|slow(?:-\d{1,3}s)?):[a-z0-9 -]{2,40}(?:,generation-(?:fails(?:-once)?|slow(?:-\d{1,3}s)?):[a-z0-9 -]{2,40})*$/,
    )
    .optional(),
});

/** The schema itself: tests/unit/infra checks every variable against infra/ (Bicep outputs, app settings). */
export const ConfigEnv = Env;

export type Config = Readonly<
  Omit<z.infer<typeof Env>, 'AI_PROVIDER'> & { provider: 'azure' | 'offline'; version: string }
>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once; the only place in the API that reads `process.env`.
 * Every bad variable is named in one message, so a misconfigured app fails at start-up (PITFALLS 10.2).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  const problems = [
    ...(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []),
    ...credentialProblems(env),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Invalid configuration — ${problems.join('; ')}`);
  }
  const { AI_PROVIDER, ...rest } = parsed.data;
  if (!rest.AzureWebJobsStorage && !rest.AzureWebJobsStorage__blobServiceUri)
    rest.AzureWebJobsStorage = 'UseDevelopmentStorage=true';
  const provider = AI_PROVIDER ?? (rest.AZURE_OPENAI_ENDPOINT ? 'azure' : 'offline');
  if (provider === 'azure' && !rest.AZURE_OPENAI_ENDPOINT) {
    throw new ConfigError('Invalid configuration — AZURE_OPENAI_ENDPOINT: required when AI_PROVIDER=azure');
  }
  return Object.freeze({ ...rest, provider, version: env.npm_package_version ?? '0.1.0' });
}

/** AZURE_CREDENTIAL=client-secret needs its three variables; each missing one is named. */
function credentialProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.AZURE_CREDENTIAL !== 'client-secret') return [];
  return (['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'] as const)
    .filter((name) => !env[name])
    .map((name) => `${name}: required when AZURE_CREDENTIAL=client-secret`);
}

/**
 * The chart pre-generation timer's schedule. A timer's schedule is fixed when the function is
 * registered (before any request loads the rest of the config), so this reads only its own
 * variable — and still names it when it is wrong.
 */
export function chartSchedule(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = Env.shape.PRESTO_CHART_SCHEDULE.safeParse(env.PRESTO_CHART_SCHEDULE);
  if (!parsed.success)
    throw new ConfigError(
      `Invalid configuration — PRESTO_CHART_SCHEDULE: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  return parsed.data;
}
