import { z } from 'zod';
import { ChartType } from './mode';
import { Point } from './persona';

/** A chart as the dashboard draws it (its own module so charts.ts and tools.ts both import it without a cycle). */
export const ChartSeries = z.object({
  datasetId: z.string(),
  label: z.string(),
  unit: z.string(),
  points: z.array(Point),
  /** The value's scale (0–100 for a percentage, a score's range): the axis never runs past it. */
  scale: z.object({ min: z.number(), max: z.number() }).optional(),
  /** The last point is the current, unfinished month of a flow or count: labelled "month to date". */
  toDate: z.boolean().optional(),
  /** A balance being paid down: the month it reaches zero at the recent pace, drawn as a dashed projection. */
  payoff: z.object({ month: z.string(), monthly: z.number() }).optional(),
});
export type ChartSeries = z.infer<typeof ChartSeries>;

export const ChartSpec = z.object({
  type: ChartType,
  title: z.string(),
  series: z.array(ChartSeries).min(1),
});
export type ChartSpec = z.infer<typeof ChartSpec>;
