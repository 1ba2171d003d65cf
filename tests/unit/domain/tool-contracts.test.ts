import { describe, expect, it } from 'vitest';
import type { ToolEvent } from '../../../api/contracts/chat';
import { TOOL_CONTRACTS, TOOL_NAMES, type ToolName, type ToolRan, type ToolResult } from '../../../api/contracts/tools';
import type { Tool } from '../../../api/domain/tools/registry';
import { TOOLS } from '../../../api/domain/tools/registry';

/**
 * The name → { args, result } map is the one source of the tools' types. These checks are
 * compile-time (`npm run typecheck` covers this file): each `@ts-expect-error` line must fail to
 * compile, so if the map stopped constraining the registry or the event, typecheck would fail here.
 */

// A show_chart handler answering with another tool's result shape does not compile.
export const wrongResult: Tool<'show_chart'> = {
  name: 'show_chart',
  description: 'draws the wrong thing',
  schema: TOOL_CONTRACTS.show_chart.args,
  // @ts-expect-error — a select_tab result is not a show_chart result
  execute: async () => ({ ok: true, result: { tab: { id: 'home', label: 'Home' } } }),
};

// A handler whose result misses a field of its contract does not compile either.
export const missingSummary: Tool<'show_chart'> = {
  name: 'show_chart',
  description: 'forgets the summary',
  schema: TOOL_CONTRACTS.show_chart.args,
  // @ts-expect-error — ShowChartResult requires `summary`
  execute: async () => ({ ok: true, result: { chart: { type: 'line', title: 't', series: [] } } }),
};

// A refusal keeps its explicit error shape: a bare string is not one.
export const badRefusal: Tool<'select_tab'> = {
  name: 'select_tab',
  description: 'refuses badly',
  schema: TOOL_CONTRACTS.select_tab.args,
  // @ts-expect-error — a failed tool answers { error: { code, message } }
  execute: async () => ({ ok: false, result: 'no such tab' }),
};

/** Narrowing on `ok` and `name` reaches the typed result with no cast. */
export function chartTitleOf(event: ToolEvent): string | undefined {
  if (!event.ok) return event.result.error.message;
  if (event.name === 'show_chart') return event.result.chart.title;
  // @ts-expect-error — a select_tab result has no chart
  if (event.name === 'select_tab') return event.result.chart.title;
  return undefined;
}

// The registry entry for a name must be that name's tool.
// @ts-expect-error — select_tab's tool cannot stand in for show_chart
export const swapped: (typeof TOOLS)['show_chart'] = TOOLS.select_tab;

export const aResult: ToolResult<'select_tab'> = { tab: { id: 'home', label: 'Home' } };

// Every tool has its member in the event's schema (toolRunSchema lists them), and the zod-inferred
// event carries exactly the ToolRan the registry builds.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Ran = Extract<ToolEvent, { ok: true }>;
type EachOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type RanRun = EachOmit<Ran, 'type' | 'callId'>;
export const everyToolHasAnEvent: Same<Ran['name'], ToolName> = true;
export const eventIsTheRun: Same<RanRun, ToolRan> = true;

describe('the tool contract map', () => {
  it('names every tool once, and the registry has exactly those tools', () => {
    expect(Object.keys(TOOL_CONTRACTS).sort()).toEqual([...TOOL_NAMES].sort());
    expect(Object.keys(TOOLS).sort()).toEqual([...TOOL_NAMES].sort());
  });

  it("each tool parses its arguments with its contract's schema (the JSON Schema the model sees)", () => {
    for (const name of TOOL_NAMES) {
      expect(TOOLS[name].name).toBe(name);
      expect(TOOLS[name].schema).toBe(TOOL_CONTRACTS[name].args);
    }
  });
});
