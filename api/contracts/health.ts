import { z } from 'zod';

export const DEPLOYMENT_ROLES = ['chat', 'structured', 'realtime', 'image'] as const;

/** One configured Azure OpenAI deployment as probed by `GET /api/health?deep=1` (docs/pitfalls.md 10.2). */
export const DeploymentHealth = z.object({
  role: z.enum(DEPLOYMENT_ROLES),
  deployment: z.string(),
  /** The app setting that names it: what to fix when it is missing. */
  variable: z.string(),
  status: z.enum(['ok', 'missing', 'unauthorized', 'unreachable', 'error']),
  message: z.string(),
});
export type DeploymentHealth = z.infer<typeof DeploymentHealth>;

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  provider: z.enum(['offline', 'azure']),
  storage: z.enum(['ok', 'unavailable']),
  version: z.string(),
  /** Shown by the UI next to the "offline engine" badge. */
  hint: z.string().optional(),
  voice: z.object({ available: z.boolean(), reason: z.string().optional() }),
  /** Chart images: painted by the image deployment (`model`), or drawn locally (`local`) with the reason. */
  images: z.object({
    status: z.enum(['model', 'local']),
    deployment: z.string().optional(),
    reason: z.string().optional(),
  }),
  /** Only with `?deep=1` on the azure provider. */
  deployments: z.array(DeploymentHealth).optional(),
});
export type Health = z.infer<typeof Health>;
