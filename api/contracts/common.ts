import { z } from 'zod';

/**
 * Lower-case slug used for mode, tab, dataset and metric ids. A double dash is allowed because it
 * separates industry and company in generated mode ids ("bank--wells-fargo").
 */
export const Slug = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[a-z0-9]+(?:(?:--|[-_])[a-z0-9]+)*$/, 'must be a lower-case slug');
export type Slug = z.infer<typeof Slug>;

export const HexColor = z.string().regex(/^#[0-9a-f]{6}$/, 'must be a #rrggbb colour');
export type HexColor = z.infer<typeof HexColor>;

/** Client-chosen, opaque session id (the server is stateless; this only scopes limits and logs). */
export const SessionId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be 8-64 characters of A-Z a-z 0-9 _ -');
export type SessionId = z.infer<typeof SessionId>;

export const PersonaSeed = z.number().int().min(0).max(2_147_483_647);
export type PersonaSeed = z.infer<typeof PersonaSeed>;

/** What every conversation call names: the session, the mode it is in, and its customer. */
export const Conversation = z.object({
  sessionId: SessionId,
  modeId: Slug,
  personaSeed: PersonaSeed,
});

/** Every error body the API returns, whatever the status. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    retryable: z.boolean(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
