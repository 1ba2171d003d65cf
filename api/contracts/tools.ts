import { z } from 'zod';
import { ChartSpec } from './chart-spec';
import { MakeChartImageArgs, MakeChartImageResult } from './charts';
import { BuiltinModeId, ChartType, ModeSummary } from './mode';

export { ChartSeries, ChartSpec } from './chart-spec';

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

/**
 * The one name → { args, result } map: what the model sends each tool and what the tool answers.
 * The registry (api/domain/tools/registry.ts), the chat `tool` event and POST /api/tools/{name}
 * are all typed from it, so a tool whose result drifts from its contract does not compile.
 */
export const TOOL_CONTRACTS = {
  switch_mode: { args: SwitchModeArgs, result: SwitchModeResult },
  show_chart: { args: ShowChartArgs, result: ShowChartResult },
  show_metrics: { args: ShowMetricsArgs, result: ShowMetricsResult },
  select_tab: { args: SelectTabArgs, result: SelectTabResult },
  make_chart_image: { args: MakeChartImageArgs, result: MakeChartImageResult },
} as const satisfies { [N in ToolName]: { args: z.ZodType; result: z.ZodType } };

export type ToolArgs<N extends ToolName = ToolName> = z.infer<(typeof TOOL_CONTRACTS)[N]['args']>;
export type ToolResult<N extends ToolName = ToolName> = z.infer<(typeof TOOL_CONTRACTS)[N]['result']>;

/** A tool that ran: its name decides the shape of its (validated) arguments and of its result. */
export type ToolRan<N extends ToolName = ToolName> = {
  [P in N]: { ok: true; name: P; args: ToolArgs<P>; result: ToolResult<P> };
}[N];
/**
 * A tool that did not run or failed: an unknown name, arguments that were not JSON or did not fit,
 * a rate limit, a refusal. `args` are what the model sent, as it sent them.
 */
export interface ToolFailed {
  ok: false;
  name: string;
  args: unknown;
  result: ToolError;
}
/** One tool call's outcome as the UI sees it, discriminated on `ok`, then on `name`. */
export type ToolRun = ToolRan | ToolFailed;

const ran = <N extends ToolName, A extends z.ZodType, R extends z.ZodType>(name: N, contract: { args: A; result: R }) =>
  z.object({ ok: z.literal(true), name: z.literal(name), args: contract.args, result: contract.result });

/**
 * The zod schema of a ToolRun carried in an envelope (the chat `tool` event, the tools route's
 * answer): one object per tool name, and one for failures.
 */
export function toolRunSchema<E extends z.ZodRawShape>(envelope: E) {
  return z.discriminatedUnion('ok', [
    z.discriminatedUnion('name', [
      ran('switch_mode', TOOL_CONTRACTS.switch_mode).extend(envelope),
      ran('show_chart', TOOL_CONTRACTS.show_chart).extend(envelope),
      ran('show_metrics', TOOL_CONTRACTS.show_metrics).extend(envelope),
      ran('select_tab', TOOL_CONTRACTS.select_tab).extend(envelope),
      ran('make_chart_image', TOOL_CONTRACTS.make_chart_image).extend(envelope),
    ]),
    z.object({ ok: z.literal(false), name: z.string(), args: z.unknown(), result: ToolError }).extend(envelope),
  ]);
}
