import { z } from 'zod';
import { SwitchModeArgs, type SwitchModeResult } from '../../contracts/tools';
import type { ToolContext, ToolOutcome } from './context';

export const switchMode = {
  name: 'switch_mode' as const,
  description:
    'Transform the whole interface into another industry. Call it only when the user explicitly asks the ' +
    'assistant to become something else (e.g. "Presto-Change-O, you\'re a bank"). Set `builtin` to the pre-built ' +
    'mode that genuinely fits the requested industry, or null when none does (a food bank is not a bank; a ' +
    'veterinary clinic is not healthcare).',
  schema: SwitchModeArgs,
  async execute(args: z.infer<typeof SwitchModeArgs>, ctx: ToolContext): Promise<ToolOutcome> {
    const target = args.builtin ? await ctx.modes.get(args.builtin) : undefined;
    if (!target) {
      const available = (await ctx.modes.list()).map((m) => ({ id: m.id, name: m.name }));
      const names = available.map((m) => m.name.toLowerCase()).join(', ');
      const result: SwitchModeResult = {
        status: 'unavailable',
        requested: args.industry,
        available,
        message: `There is no ${args.industry} mode yet. Available modes: ${names}.`,
      };
      return { result };
    }
    const result: SwitchModeResult = {
      status: 'switched',
      mode: { id: target.id, name: target.name, companyName: target.companyName, source: target.source, primaryColor: target.theme.primary },
      welcome: target.welcome,
    };
    return { result, switchedTo: target };
  },
};
