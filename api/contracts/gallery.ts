import { z } from 'zod';
import { SessionId, Slug } from './common';
import { CreateModeRequest } from './jobs';

/**
 * Whether other visitors see a generated mode in the gallery (GET /api/modes, the landing, the
 * Modes menu). The mode document itself is create-only, so this mutable flag lives beside it in
 * `gallery/<id>.json` (see docs/api.md "Moderation"):
 *
 * - pending: stored but not checked yet (also what a missing or unreadable entry reads as).
 * - approved: passed the word-list check (on Azure the generation already passed the content filter).
 * - refused: the word list matched one of its visible words; usable by whoever asked for it only.
 * - hidden: an operator took it out of the gallery; `unhide` approves it again.
 */
export const MODERATION_STATES = ['pending', 'approved', 'refused', 'hidden'] as const;
export const ModerationState = z.enum(MODERATION_STATES);
export type ModerationState = z.infer<typeof ModerationState>;

/** At most this many sessions keep a not-yet-public mode in their own list (the first ones to ask). */
export const MAX_OWNERS = 20;

export const GalleryEntry = z.object({
  id: Slug,
  moderation: ModerationState,
  /** Hashed session ids of the visitors who asked for the mode (never the ids themselves). */
  owners: z.array(z.string().regex(/^[0-9a-f]{32}$/)).max(MAX_OWNERS),
  /** Why it is refused or hidden, for operators: names the field, never repeats the word. */
  reason: z.string().max(200).optional(),
  /** Who decided last: the automatic check or an operator. */
  decidedBy: z.enum(['check', 'operator']).optional(),
  updatedAt: z.string().datetime(),
});
export type GalleryEntry = z.infer<typeof GalleryEntry>;

/** GET /api/modes?sessionId=…: the caller's own pending and refused modes are listed for it too. */
export const ModeListQuery = z.object({ sessionId: SessionId.optional() });
export type ModeListQuery = z.infer<typeof ModeListQuery>;

/** POST /api/modes/{id}/hide and /unhide (operator API keys) → the entry as it now stands. */
export const ModerationChange = z.object({ id: Slug, moderation: ModerationState });
export type ModerationChange = z.infer<typeof ModerationChange>;

/** POST /api/modes: the request, and optionally the asking session, which keeps the mode in its own list. */
export const CreateModeBody = CreateModeRequest.extend({ sessionId: SessionId.optional() });
export type CreateModeBody = z.infer<typeof CreateModeBody>;
