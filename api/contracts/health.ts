import { z } from 'zod';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  provider: z.enum(['offline', 'azure']),
  storage: z.enum(['ok', 'unavailable']),
  version: z.string(),
  /** Shown by the UI next to the "offline engine" badge. */
  hint: z.string().optional(),
  voice: z.object({ available: z.boolean(), reason: z.string().optional() }),
});
export type Health = z.infer<typeof Health>;
