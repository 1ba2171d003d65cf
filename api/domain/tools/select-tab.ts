import { z } from 'zod';
import { SelectTabArgs, type SelectTabResult } from '../../contracts/tools';
import { toolError, type ToolContext, type ToolReturn } from './context';

export const selectTab = {
  name: 'select_tab' as const,
  description: 'Open one of the bottom tabs of the current mode.',
  schema: SelectTabArgs,
  async execute(args: z.infer<typeof SelectTabArgs>, ctx: ToolContext): Promise<ToolReturn<'select_tab'>> {
    const tab = ctx.mode.tabs.find((t) => t.id === args.tab_id);
    if (!tab) {
      const valid = ctx.mode.tabs.map((t) => t.id).join(', ');
      return toolError('unknown_tab', `No tab ${args.tab_id} in ${ctx.mode.name}. Valid ids: ${valid}.`);
    }
    const result: SelectTabResult = { tab: { id: tab.id, label: tab.label } };
    return { ok: true, result };
  },
};
