import { z } from 'zod';
import type { Mode } from '../../contracts/mode';
import { SwitchModeArgs, type SwitchModeResult } from '../../contracts/tools';
import { DomainError } from '../errors';
import { UndesignableRequest } from '../modes/generation/designable';
import type { ModeRequestOutcome } from '../modes/generation/request-mode';
import { toolError, type ToolContext, type ToolReturn } from './context';

export const switchMode = {
  name: 'switch_mode' as const,
  description:
    'Transform the whole interface into another industry. Call it only when the user explicitly asks the ' +
    'assistant to become something else (e.g. "Presto-Change-O, you\'re a bank"). Set `builtin` to the pre-built ' +
    'mode that genuinely fits the requested industry, or null when none does (a food bank is not a bank; a ' +
    'veterinary clinic is not healthcare). When the user names a company, pass it as `company_name` and the ' +
    'industry it is in ("you\'re Wells Fargo" → industry "bank", builtin "banking", company_name "Wells Fargo"); ' +
    'modes with no pre-built fit are designed in the background and reused by everyone afterwards.',
  schema: SwitchModeArgs,
  async execute(args: z.infer<typeof SwitchModeArgs>, ctx: ToolContext): Promise<ToolReturn<'switch_mode'>> {
    // A company name makes a branded variant of the industry, so it never lands on the plain pre-built mode.
    const target = args.builtin && !args.company_name ? await ctx.modes.get(args.builtin) : undefined;
    if (!target && ctx.requestMode) return requestGenerated(args, ctx.requestMode);
    if (!target) {
      const available = (await ctx.modes.list()).map((m) => ({ id: m.id, name: m.name }));
      const names = available.map((m) => m.name.toLowerCase()).join(', ');
      const result: SwitchModeResult = {
        status: 'unavailable',
        requested: args.industry,
        available,
        message: `There is no ${args.industry} mode yet. Available modes: ${names}.`,
      };
      return { ok: true, result };
    }
    return switched(target);
  },
};

function switched(target: Mode): ToolReturn<'switch_mode'> {
  const result: SwitchModeResult = {
    status: 'switched',
    mode: {
      id: target.id,
      name: target.name,
      companyName: target.companyName,
      source: target.source,
      primaryColor: target.theme.primary,
    },
    welcome: target.welcome,
  };
  return { ok: true, result, switchedTo: target };
}

/**
 * No pre-built fit (or a company variant): a stored mode switches at once like a pre-built one;
 * otherwise a job designs it and the result says so. With a pre-built base and a company, the base
 * id is the industry, so "Wells Fargo" keys the same however the model words the industry.
 */
async function requestGenerated(
  args: SwitchModeArgs,
  requestMode: NonNullable<ToolContext['requestMode']>,
): Promise<ToolReturn<'switch_mode'>> {
  let outcome: ModeRequestOutcome;
  try {
    outcome = await requestMode({ industry: args.builtin ?? args.industry, companyName: args.company_name });
  } catch (error) {
    // The reason alone ("A company name needs at least two letters…"): the assistant says it as it is.
    if (error instanceof UndesignableRequest) return toolError(error.code, error.sentence);
    if (error instanceof DomainError) return toolError(error.code, error.message);
    throw error;
  }
  if (outcome.kind === 'ready') return switched(outcome.mode);
  const brand = outcome.job.brand;
  const result: SwitchModeResult = {
    status: 'generating',
    requested: outcome.industry,
    companyName: outcome.companyName,
    jobId: outcome.job.id,
    message: takingShape(outcome.companyName ?? brand?.companyName ?? null, outcome.industry, Boolean(brand)),
    ...(brand ? { brand: { name: brand.name, companyName: brand.companyName, tagline: brand.tagline } } : {}),
  };
  // A design someone else started may already have its look: the page paints it at once.
  const job = { jobId: outcome.job.id, kind: outcome.job.kind, status: outcome.job.status };
  return { ok: true, result, job: brand ? { ...job, brand } : job };
}

/**
 * What the assistant says (and voice speaks) while a design runs in two steps (issue #12): the
 * look lands within seconds, the dashboard a few seconds later. Chat holds questions asked meanwhile
 * for the new mode; voice answers them in the current one (the realtime session moves when it lands).
 */
export function takingShape(companyName: string | null, industry: string, brandShown: boolean): string {
  const who = companyName ?? `Your ${industry}`;
  return brandShown
    ? `${who} is taking shape — its look is on screen and the dashboard fills in within a few seconds.`
    : `${who} is taking shape — the new look appears in a moment and the dashboard fills in a few seconds later; ask away meanwhile.`;
}
