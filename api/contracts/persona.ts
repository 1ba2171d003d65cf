import { z } from 'zod';

/** One point of a monthly series; `x` is the month as YYYY-MM. */
export const Point = z.object({ x: z.string(), y: z.number() });
export type Point = z.infer<typeof Point>;

export const Persona = z.object({
  modeId: z.string(),
  seed: z.number().int(),
  /** Deterministic display name of the customer. */
  name: z.string(),
  /** KPI-bindable numbers keyed by path ("checking.balance"). */
  fields: z.record(z.string(), z.number()),
  /** Monthly history per dataset id, oldest first, last point = the current month. */
  series: z.record(z.string(), z.array(Point)),
});
export type Persona = z.infer<typeof Persona>;
