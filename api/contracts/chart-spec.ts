import { z } from 'zod';
import { ChartType } from './mode';
import { Point } from './persona';

/** A chart as the dashboard draws it (its own module so charts.ts and tools.ts both import it without a cycle). */
export const ChartSeries = z.object({
  datasetId: z.string(),
  label: z.string(),
  unit: z.string(),
  points: z.array(Point),
});
export type ChartSeries = z.infer<typeof ChartSeries>;

export const ChartSpec = z.object({
  type: ChartType,
  title: z.string(),
  series: z.array(ChartSeries).min(1),
});
export type ChartSpec = z.infer<typeof ChartSpec>;
