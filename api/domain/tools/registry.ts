import { z } from 'zod';
import type { ToolDefinition } from '../ports';
import type { ToolContext, ToolOutcome } from './context';
import { toolError } from './context';
import { selectTab } from './select-tab';
import { showChart } from './show-chart';
import { makeChartImage } from './make-chart-image';
import { showMetrics } from './show-metrics';
import { switchMode } from './switch-mode';

interface Tool<S extends z.ZodType> {
  name: string;
  description: string;
  schema: S;
  execute(args: z.infer<S>, ctx: ToolContext): Promise<ToolOutcome>;
}

/** Every tool, defined once; chat and realtime definitions are generated from this list. */
export const TOOLS: readonly Tool<z.ZodType>[] = [
  switchMode,
  showChart,
  showMetrics,
  selectTab,
  makeChartImage,
] as never;

let definitions: ToolDefinition[] | undefined;

/** JSON Schema tool definitions for a model, built once per process. */
export function toolDefinitions(): ToolDefinition[] {
  definitions ??= TOOLS.map((t) => {
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
  const tool = TOOLS.find((t) => t.name === name);
  if (!tool) return toolError('unknown_tool', `There is no tool named ${name}.`);
  const parsed = tool.schema.safeParse(rawArgs);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
    return toolError('invalid_arguments', `Invalid arguments for ${name}: ${issues}.`);
  }
  return tool.execute(parsed.data, ctx);
}

/** Parses a model's JSON argument string without throwing. */
export function parseToolArguments(json: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(json || '{}') };
  } catch {
    return { ok: false };
  }
}
