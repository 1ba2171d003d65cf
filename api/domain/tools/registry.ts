import { z } from 'zod';
import { TOOL_NAMES, ToolName, type ToolArgs, type ToolRan } from '../../contracts/tools';
import type { ToolDefinition } from '../ports';
import { failedRun, toolError, type ToolContext, type ToolOutcome, type ToolReturn } from './context';
import { selectTab } from './select-tab';
import { showChart } from './show-chart';
import { makeChartImage } from './make-chart-image';
import { showMetrics } from './show-metrics';
import { switchMode } from './switch-mode';

/** One tool, typed by its contract (api/contracts/tools.ts TOOL_CONTRACTS): a wrong result shape does not compile. */
export interface Tool<N extends ToolName> {
  name: N;
  description: string;
  /** Its arguments' schema, which is also the JSON Schema the model sees. */
  schema: z.ZodType<ToolArgs<N>>;
  execute(args: ToolArgs<N>, ctx: ToolContext): Promise<ToolReturn<N>>;
}

/** Every tool, defined once, by name; chat and realtime definitions are generated from it. */
export const TOOLS: { readonly [N in ToolName]: Tool<N> } = {
  switch_mode: switchMode,
  show_chart: showChart,
  show_metrics: showMetrics,
  select_tab: selectTab,
  make_chart_image: makeChartImage,
};

let definitions: ToolDefinition[] | undefined;

/** JSON Schema tool definitions for a model, built once per process. */
export function toolDefinitions(): ToolDefinition[] {
  definitions ??= TOOL_NAMES.map((name) => TOOLS[name]).map((t: Tool<ToolName>) => {
    // 'output' mode closes objects (additionalProperties: false), as strict function calling requires.
    const { $schema: _ignored, ...parameters } = z.toJSONSchema(t.schema, {
      target: 'draft-7',
      io: 'output',
    }) as Record<string, unknown>;
    return { name: t.name, description: t.description, parameters };
  });
  return definitions;
}

/** A tool as the realtime session takes it (GA `tools[]`): the realtime function tool has no `strict` flag. */
export interface RealtimeFunctionTool extends ToolDefinition {
  type: 'function';
}

/** The same definitions for the voice session (chat `tools` and the realtime session's `tools`): one list, two shapes. */
export function realtimeToolDefinitions(): RealtimeFunctionTool[] {
  return toolDefinitions().map((t) => ({ type: 'function' as const, ...t }));
}

/**
 * Runs one tool call: unknown names and bad arguments become tool errors the model sees and can
 * recover from — never an exception that ends the conversation.
 */
export async function runTool(name: string, rawArgs: unknown, ctx: ToolContext): Promise<ToolOutcome> {
  const known = ToolName.safeParse(name);
  if (!known.success) return failedRun(name, rawArgs, toolError('unknown_tool', `There is no tool named ${name}.`));
  return runNamed(TOOLS[known.data], rawArgs, ctx);
}

async function runNamed<N extends ToolName>(
  tool: Tool<N>,
  rawArgs: unknown,
  ctx: ToolContext,
): Promise<ToolOutcome<N>> {
  const parsed = tool.schema.safeParse(rawArgs);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
    return failedRun(
      tool.name,
      rawArgs,
      toolError('invalid_arguments', `Invalid arguments for ${tool.name}: ${issues}.`),
    );
  }
  const done = await tool.execute(parsed.data, ctx);
  if (!done.ok) return failedRun(tool.name, rawArgs, done);
  const run: ToolRan<N> = { ok: true, name: tool.name, args: parsed.data, result: done.result };
  return {
    run,
    ...(done.switchedTo ? { switchedTo: done.switchedTo } : {}),
    ...(done.job ? { job: done.job } : {}),
  };
}

/** Parses a model's JSON argument string without throwing. */
export function parseToolArguments(json: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(json || '{}') };
  } catch {
    return { ok: false };
  }
}
