import { z } from 'zod';

const Env = z.object({
  AI_PROVIDER: z.enum(['azure', 'offline']).optional(),
  AZURE_OPENAI_ENDPOINT: z.url().optional(),
  AZURE_OPENAI_CHAT_DEPLOYMENT: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).default('model-router'),
  AZURE_OPENAI_STRUCTURED_DEPLOYMENT: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).default('gpt-5-mini'),
  AZURE_OPENAI_REALTIME_DEPLOYMENT: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).default('gpt-realtime'),
  AZURE_OPENAI_IMAGE_DEPLOYMENT: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).default('gpt-image-1-mini'),
  AZURE_OPENAI_API_VERSION: z.string().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/).default('2025-04-01-preview'),
  AzureWebJobsStorage: z.string().min(1).optional(),
  /** Identity-based storage (Azure, no keys): https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity */
  AzureWebJobsStorage__blobServiceUri: z.url().optional(),
  AzureWebJobsStorage__queueServiceUri: z.url().optional(),
  AzureWebJobsStorage__tableServiceUri: z.url().optional(),
  AzureWebJobsStorage__clientId: z.string().min(1).optional(),
  PRESTO_BLOB_CONTAINER: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/).default('presto'),
  /** Delay between offline-engine text chunks; 0 in benchmarks. */
  PRESTO_OFFLINE_CHUNK_MS: z.coerce.number().int().min(0).max(1000).default(12),
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
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration — ${problems}`);
  }
  const { AI_PROVIDER, ...rest } = parsed.data;
  if (!rest.AzureWebJobsStorage && !rest.AzureWebJobsStorage__blobServiceUri) rest.AzureWebJobsStorage = 'UseDevelopmentStorage=true';
  const provider = AI_PROVIDER ?? (rest.AZURE_OPENAI_ENDPOINT ? 'azure' : 'offline');
  if (provider === 'azure' && !rest.AZURE_OPENAI_ENDPOINT) {
    throw new ConfigError('Invalid configuration — AZURE_OPENAI_ENDPOINT: required when AI_PROVIDER=azure');
  }
  return Object.freeze({ ...rest, provider, version: env.npm_package_version ?? '0.1.0' });
}
