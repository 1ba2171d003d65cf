import { z } from 'zod';
import { TRANSCRIPTION_MODELS } from './contracts/realtime';

export const AZURE_CREDENTIALS = ['default', 'cli', 'managed-identity', 'client-secret'] as const;
/** Lowest first: the order a refused value falls back in. GPT-5 models add `minimal` (how-to/reasoning). */
export const REASONING_EFFORTS = ['minimal', 'low', 'medium', 'high'] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

/**
 * A variable set but empty (a `.env` line `NAME=`, an azd output that was never set, an app setting
 * cleared in the portal) means "not set": it gets its default or stays unset instead of failing
 * validation on first use (issue #11 item 9). Whitespace only counts as empty too.
 */
function emptyIsUnset<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);
}

/** Applies emptyIsUnset to every variable, so a new one cannot forget it. */
function environmentSchema<Shape extends Record<string, z.ZodType>>(shape: Shape) {
  const wrapped = Object.fromEntries(Object.entries(shape).map(([name, schema]) => [name, emptyIsUnset(schema)]));
  return z.object(wrapped as { [K in keyof Shape]: ReturnType<typeof emptyIsUnset<Shape[K]>> });
}

const Env = environmentSchema({
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
  /**
   * Opt-in: the whole GPT-image-1 series is limited access, so unset means every chart image is drawn
   * locally (health says so). https://learn.microsoft.com/azure/foundry/openai/how-to/dall-e
   */
  AZURE_OPENAI_IMAGE_DEPLOYMENT: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
  /** Chart images are diagrams: low quality is fast, cheap and legible; medium for sharper text (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/dall-e). */
  AZURE_OPENAI_IMAGE_QUALITY: z.enum(['low', 'medium']).default('low'),
  /** Azure region of the realtime deployment (e.g. swedencentral); voice is refused outside gpt-realtime's regions (docs/pitfalls.md 2.3). */
  AZURE_OPENAI_REALTIME_REGION: z
    .string()
    .regex(/^[A-Za-z0-9 _-]{2,40}$/, 'an Azure region name such as swedencentral')
    .optional(),
  /** Model that transcribes the user's speech in a voice session; without one, user transcripts stay empty (docs/pitfalls.md 2.4). */
  AZURE_OPENAI_TRANSCRIPTION_MODEL: z.enum(TRANSCRIPTION_MODELS).default('whisper-1'),
  /** Voice sessions are replaced before this age; Azure ends them at 30 minutes (docs/pitfalls.md 2.1). Tests use seconds. */
  PRESTO_REALTIME_SESSION_SECONDS: z.coerce.number().int().min(15).max(1800).default(1800),
  AZURE_OPENAI_API_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/)
    .default('2025-04-01-preview'),
  /**
   * Which image surface chart images use: `v1` (`/openai/v1/images/generations?api-version=preview`,
   * deployment in the body's `model`, Learn's how-to/dall-e today) or `deployments` (the dated
   * `/openai/deployments/{name}/images/generations?api-version=AZURE_OPENAI_API_VERSION`).
   */
  AZURE_OPENAI_IMAGE_API: z.enum(['v1', 'deployments']).default('v1'),
  /**
   * `reasoning_effort` of the structured deployment's mode design. Reasoning tokens count against
   * max_completion_tokens (https://learn.microsoft.com/azure/foundry/openai/how-to/reasoning); a
   * deployment refusing the value gets the next higher one, then none (api/adapters/azure/azure-caller.ts).
   */
  AZURE_OPENAI_REASONING_EFFORT: z.enum(REASONING_EFFORTS).default('minimal'),
  /**
   * How the structured deployment designs a new mode: `two-step` (a small brand call the page shows
   * at once, then the details, issue #12) or `one-shot` (the whole draft in one call: the bench's baseline).
   */
  PRESTO_MODE_DESIGN: z.enum(['two-step', 'one-shot']).default('two-step'),
  /** Key auth; without it a Microsoft Entra token comes from AZURE_CREDENTIAL (docs/pitfalls.md 1.1, 1.3). */
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
  /** Attempts per call on 429/5xx, backing off with jitter and honouring retry-after-ms (docs/pitfalls.md 4.2). */
  AZURE_OPENAI_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(6).default(3),
  /**
   * Concurrent calls per deployment from this instance: a ceiling against runaway bursts (docs/pitfalls.md
   * 4.2), not a throttle. A chat stream holds its slot for the whole answer (seconds), so a low cap
   * makes the ninth visitor of a live demo wait for other people's answers; Azure's own 429s are
   * handled by retry-after (azure-caller.ts).
   */
  AZURE_OPENAI_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(64),
  // Flex Consumption may re-add an empty AzureWebJobsStorage beside the identity settings ('' is unset, like everywhere).
  AzureWebJobsStorage: z.string().min(1).optional(),
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
      /^generation-(?:fails(?:-once|-after-brand)?|slow(?:-after-brand)?(?:-\d{1,3}s)?):[a-z0-9 -]{2,40}(?:,generation-(?:fails(?:-once|-after-brand)?|slow(?:-after-brand)?(?:-\d{1,3}s)?):[a-z0-9 -]{2,40})*$/,
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
  constructor(
    message: string,
    /** The variables to fix, for health and the start-up message. */
    readonly variables: readonly string[] = [],
  ) {
    super(message);
  }
}

interface Problem {
  variable: string;
  message: string;
}

function configError(problems: Problem[]): ConfigError {
  return new ConfigError(`Invalid configuration — ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`, [
    ...new Set(problems.map((p) => p.variable)),
  ]);
}

/**
 * Parses the environment once; the only place in the API that reads `process.env`.
 * Every bad variable is named in one message. The local runtime and the Functions entry (api/index.ts)
 * call it at start-up, so a misconfigured app says so before the first request (docs/pitfalls.md 10.2).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success)
    throw configError(parsed.error.issues.map((i) => ({ variable: i.path.join('.'), message: i.message })));
  const { AI_PROVIDER, ...rest } = parsed.data;
  const problems = [...credentialProblems(rest), ...imageApiProblems(parsed.data)];
  const provider = AI_PROVIDER ?? (rest.AZURE_OPENAI_ENDPOINT ? 'azure' : 'offline');
  if (provider === 'azure' && !rest.AZURE_OPENAI_ENDPOINT)
    problems.push({ variable: 'AZURE_OPENAI_ENDPOINT', message: 'required when AI_PROVIDER=azure' });
  if (problems.length > 0) throw configError(problems);
  if (!rest.AzureWebJobsStorage && !rest.AzureWebJobsStorage__blobServiceUri)
    rest.AzureWebJobsStorage = 'UseDevelopmentStorage=true';
  return Object.freeze({ ...rest, provider, version: env.npm_package_version ?? '0.1.0' });
}

/** The configuration problem, or undefined when the environment is valid: for start-up checks that must not throw. */
export function configProblem(env: NodeJS.ProcessEnv = process.env): ConfigError | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

/** AZURE_CREDENTIAL=client-secret needs its three variables; each missing (or empty) one is named. */
function credentialProblems(parsed: Omit<z.infer<typeof Env>, 'AI_PROVIDER'>): Problem[] {
  if (parsed.AZURE_CREDENTIAL !== 'client-secret') return [];
  return (['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'] as const)
    .filter((name) => !parsed[name])
    .map((variable) => ({ variable, message: 'required when AZURE_CREDENTIAL=client-secret' }));
}

/**
 * The dated image route needs an api-version that serves the gpt-image-1 series: Learn's changelog
 * adds GPT-image-1 in 2025-04-01-preview (https://learn.microsoft.com/azure/foundry/openai/api-version-lifecycle,
 * "Changes between 2025-04-01-preview and 2025-03-01-preview"), and the latest dated GA version,
 * 2024-10-21, predates it. An older pin would only show up as 404s on the first chart image.
 */
const MIN_IMAGE_API_VERSION = '2025-04-01';
function imageApiProblems(env: z.infer<typeof Env>): Problem[] {
  const azure = (env.AI_PROVIDER ?? (env.AZURE_OPENAI_ENDPOINT ? 'azure' : 'offline')) === 'azure';
  if (!azure || !env.AZURE_OPENAI_IMAGE_DEPLOYMENT || env.AZURE_OPENAI_IMAGE_API !== 'deployments') return [];
  if (env.AZURE_OPENAI_API_VERSION >= MIN_IMAGE_API_VERSION) return [];
  return [
    {
      variable: 'AZURE_OPENAI_API_VERSION',
      message: `${env.AZURE_OPENAI_API_VERSION} does not serve gpt-image-1 / gpt-image-1-mini on the dated images route (AZURE_OPENAI_IMAGE_API=deployments); use ${MIN_IMAGE_API_VERSION}-preview or later, or AZURE_OPENAI_IMAGE_API=v1`,
    },
  ];
}

/**
 * The chart pre-generation timer's schedule. A timer's schedule is fixed when the function is
 * registered (before any request loads the rest of the config), so this reads only its own
 * variable — and still names it when it is wrong.
 */
export function chartSchedule(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = Env.shape.PRESTO_CHART_SCHEDULE.safeParse(env.PRESTO_CHART_SCHEDULE);
  if (!parsed.success)
    throw configError([{ variable: 'PRESTO_CHART_SCHEDULE', message: parsed.error.issues[0]?.message ?? 'invalid' }]);
  return parsed.data;
}
