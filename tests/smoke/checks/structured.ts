import { createModeGenerator } from '../../../api/adapters/mode-generators';
import { buildGeneratedMode } from '../../../api/domain/modes/generation/build-mode';
import { modeKey } from '../../../api/domain/modes/generation/key';
import type { SmokeContext } from '../context';
import { explainAzure, type AzureTarget } from '../hints';
import { CheckFailed, type Check } from '../runner';

/**
 * How the design got there, e.g. "in 2 calls (mode_brand, mode_details)": the two-step design makes
 * two calls by design, so only a step asked more than once (a corrective retry, or a doubled budget
 * after `finish_reason: length`) is a retry.
 */
export function callsSummary(calls: ReadonlyArray<{ name: string }>): string {
  const counts = new Map<string, number>();
  for (const { name } of calls) counts.set(name, (counts.get(name) ?? 0) + 1);
  const steps = [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name));
  const retries = calls.length - counts.size;
  const retried = retries > 0 ? `; ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
  return `in ${calls.length} ${calls.length === 1 ? 'call' : 'calls'} (${steps.join(', ')}${retried})`;
}

/** A small, harmless industry with no pre-built mode; the draft is validated, never stored. */
export const SMOKE_INDUSTRY = 'bicycle repair shop';

/**
 * The real mode-generation path: the app's ModeGenerator for the azure provider (a strict
 * json_schema call on the structured deployment through the StructuredModel port, validated and
 * retried once) and then buildGeneratedMode — the schema, integrity and guard checks a generated
 * mode must pass before the queue job would store it.
 */
export function structuredCheck(ctx: SmokeContext): Check {
  const target: AzureTarget = {
    variable: 'AZURE_OPENAI_STRUCTURED_DEPLOYMENT',
    deployment: ctx.config.AZURE_OPENAI_STRUCTURED_DEPLOYMENT,
    model: 'structured-output model (gpt-5-mini)',
    capacity: 'PRESTO_STRUCTURED_CAPACITY',
  };
  return {
    id: 'structured',
    title: 'structured mode design',
    timeoutMs: 100_000,
    usage: () => ctx.meter.peek(target.deployment),
    explain: (error) => explainAzure(error, target, ctx.meter.networkFailure()),
    async run() {
      const generator = createModeGenerator(ctx.config, ctx.azure.structuredModel);
      let draft: unknown;
      try {
        draft = await generator.generate({ industry: SMOKE_INDUSTRY, companyName: null });
      } catch (error) {
        const { detail, fix } = explainAzure(error, target, ctx.meter.networkFailure());
        throw new CheckFailed(detail, fix, await ctx.meter.usageOf(target.deployment));
      }
      const usage = await ctx.meter.usageOf(target.deployment);
      let mode;
      try {
        mode = buildGeneratedMode(draft, modeKey(SMOKE_INDUSTRY, null), null);
      } catch (error) {
        throw new CheckFailed(
          `the draft did not pass the mode checks: ${(error as Error).message}`,
          `${target.variable} must be a model that follows strict json_schema (gpt-5-mini)`,
          usage,
        );
      }
      const calls = ` ${callsSummary(ctx.structuredCalls)}`;
      const last = ctx.structuredCalls.at(-1);
      const budget = last ? ` (effort ${last.effort ?? 'deployment default'}, max ${last.maxCompletionTokens})` : '';
      return {
        outcome: 'ok',
        detail: `${target.deployment}${budget}: "${mode.name}" for ${mode.companyName} (${mode.tabs.length} tabs, ${mode.datasets.length} datasets) validated${calls}`,
        usage,
      };
    },
  };
}
