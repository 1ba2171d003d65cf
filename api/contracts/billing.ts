import { z } from 'zod';

/** One UTC day of a caller's metered usage (GET /api/usage). Tokens are as reported by the model. */
export const UsageDay = z.object({
  day: z.iso.date(),
  requests: z.number().int().min(0),
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  images: z.number().int().min(0),
  generations: z.number().int().min(0),
  realtimeSessions: z.number().int().min(0),
});
export type UsageDay = z.infer<typeof UsageDay>;

export const UsageResponse = z.object({
  keyId: z.string(),
  name: z.string(),
  plan: z.string(),
  limits: z.object({
    requestsPerMinute: z.number().int(),
    tokensPerDay: z.number().int(),
    imagesPerDay: z.number().int(),
    generationsPerDay: z.number().int(),
    realtimeSessionsPerDay: z.number().int(),
  }),
  days: z.array(UsageDay),
});
export type UsageResponse = z.infer<typeof UsageResponse>;

export const UsageQuery = z.object({ days: z.coerce.number().int().min(1).max(31).default(7) });

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), retryable: z.boolean() }),
});

/** Programs authenticate with this header; the demo SPA sends none. */
export const API_KEY_HEADER = 'x-api-key';
