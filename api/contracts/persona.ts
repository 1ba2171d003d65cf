import { z } from 'zod';

/** One point of a monthly series; `x` is the month as YYYY-MM. */
export const Point = z.object({ x: z.string(), y: z.number() });
export type Point = z.infer<typeof Point>;

/** One row of a list card: already formatted for display, so every client shows the same words. */
export const ListItem = z.object({
  id: z.string().min(1).max(40),
  /**
   * Calendar day, YYYY-MM-DD (past for history, future for what is coming up); absent on a standing
   * list such as accounts, where every row is as of today and a date column would say nothing.
   */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  title: z.string().min(1).max(60),
  detail: z.string().max(80),
  /** The figure on the right ("−$42.17", "1,204 kWh"), or empty. */
  value: z.string().max(24),
  /** The raw figure behind `value` (negative for money going out), for totals and tests. */
  amount: z.number().optional(),
  status: z.string().max(24).optional(),
});
export type ListItem = z.infer<typeof ListItem>;

export const PersonaList = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  items: z.array(ListItem).max(12),
});
export type PersonaList = z.infer<typeof PersonaList>;

/** What an action's confirmation dialog shows and what it says once confirmed (all persona numbers). */
export const ActionQuote = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  title: z.string().max(80),
  lines: z.array(z.object({ label: z.string().max(30), value: z.string().max(60) })).max(6),
  confirmLabel: z.string().max(30),
  /** The success sentence, in character ("Payment of $412.80 scheduled for Dec 18 from Checking •• 4821."). */
  done: z.string().max(200),
  /** The demo disclaimer shown in the dialog ("Demo: no money moves."). */
  demoNote: z.string().max(80),
});
export type ActionQuote = z.infer<typeof ActionQuote>;

export const Persona = z.object({
  modeId: z.string(),
  seed: z.number().int(),
  /** Deterministic display name of the customer. */
  name: z.string(),
  /** KPI-bindable numbers keyed by path ("checking.balance"). */
  fields: z.record(z.string(), z.number()),
  /** Monthly history per dataset id, oldest first, last point = the current month. */
  series: z.record(z.string(), z.array(Point)),
  /** The mode's lists with the customer's items (api/domain/persona-lists.ts); absent on older payloads. */
  lists: z.array(PersonaList).max(4).optional(),
  /** The mode's primary actions, each with its confirmation, in the mode's order. */
  actions: z.array(ActionQuote).max(3).optional(),
});
export type Persona = z.infer<typeof Persona>;
