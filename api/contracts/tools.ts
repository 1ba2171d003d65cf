import { z } from 'zod';
import { BuiltinModeId, ChartType, ModeSummary } from './mode';
import { Point } from './persona';

/** Tool names: one const array for the type, the enum and the route check. */
export const TOOL_NAMES = ['switch_mode', 'show_chart', 'show_metrics', 'select_tab', 'make_chart_image'] as const;
export const ToolName = z.enum(TOOL_NAMES);
export type ToolName = z.infer<typeof ToolName>;

export const SwitchModeArgs = z.object({
  industry: z.string().trim().min(1).max(80).describe('The industry the user asked for, in their words.'),
  builtin: BuiltinModeId.nullable().describe('The pre-built mode that fits, or null when none does.'),
  company_name: z.string().trim().min(1).max(60).nullable().describe('A company name the user gave, or null.'),
});
export type SwitchModeArgs = z.infer<typeof SwitchModeArgs>;

export const ShowChartArgs = z.object({
  dataset_ids: z.array(z.string().min(1).max(48)).min(1).max(4).describe('Dataset ids of the current mode.'),
  chart_type: ChartType,
  range_months: z.number().int().min(1).max(24).describe('How many recent months to show.'),
  title: z.string().trim().min(1).max(80),
});
export type ShowChartArgs = z.infer<typeof ShowChartArgs>;

export const ShowMetricsArgs = z.object({
  metric_ids: z.array(z.string().min(1).max(48)).min(1).max(6).describe('Metric ids of the current mode.'),
});
export type ShowMetricsArgs = z.infer<typeof ShowMetricsArgs>;

export const SelectTabArgs = z.object({
  tab_id: z.string().min(1).max(48).describe('A tab id of the current mode.'),
});
export type SelectTabArgs = z.infer<typeof SelectTabArgs>;

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

export const SeriesSummary = z.object({
  datasetId: z.string(),
  label: z.string(),
  latest: z.number(),
  latestFormatted: z.string(),
  month: z.string(),
  /** The month is the current, unfinished one (a flow or count so far). */
  toDate: z.boolean().optional(),
  /** For a balance being paid down: the month it reaches zero at the recent pace (YYYY-MM). */
  payoff: z.string().optional(),
});
export type SeriesSummary = z.infer<typeof SeriesSummary>;

export const ShowChartResult = z.object({ chart: ChartSpec, summary: z.array(SeriesSummary) });
export type ShowChartResult = z.infer<typeof ShowChartResult>;

export const MetricValue = z.object({ id: z.string(), label: z.string(), value: z.number(), formatted: z.string() });
export type MetricValue = z.infer<typeof MetricValue>;

export const ShowMetricsResult = z.object({ metrics: z.array(MetricValue) });
export type ShowMetricsResult = z.infer<typeof ShowMetricsResult>;

export const SelectTabResult = z.object({ tab: z.object({ id: z.string(), label: z.string() }) });
export type SelectTabResult = z.infer<typeof SelectTabResult>;

export const SwitchModeResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('switched'), mode: ModeSummary, welcome: z.string() }),
  z.object({
    status: z.literal('unavailable'),
    requested: z.string(),
    available: z.array(z.object({ id: z.string(), name: z.string() })),
    message: z.string(),
  }),
  /** No stored mode fits yet: one is being generated in the background (a chat `job` event follows). */
  z.object({
    status: z.literal('generating'),
    /** The sanitised request, as POST /api/modes takes it (the UI's Retry sends it again). */
    requested: z.string(),
    companyName: z.string().nullable(),
    jobId: z.string(),
    message: z.string(),
    /** A joined design whose brand is already ready (issue #12): the look the page is about to show. */
    brand: z.object({ name: z.string(), companyName: z.string(), tagline: z.string() }).optional(),
  }),
]);
export type SwitchModeResult = z.infer<typeof SwitchModeResult>;

/** What a tool returns when its arguments do not fit the current mode; the model sees it and can recover. */
export const ToolError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ToolError = z.infer<typeof ToolError>;

export const ToolResult = z.union([ShowChartResult, ShowMetricsResult, SelectTabResult, SwitchModeResult, ToolError]);
export type ToolResult = z.infer<typeof ToolResult>;
