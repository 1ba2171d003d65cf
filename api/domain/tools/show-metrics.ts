import { z } from 'zod';
import { formatValue } from '../../contracts/format';
import { ShowMetricsArgs, type ShowMetricsResult } from '../../contracts/tools';
import { toolError, type ToolContext, type ToolReturn } from './context';

export const showMetrics = {
  name: 'show_metrics' as const,
  description: 'Highlight KPI cards on the dashboard and get their current values.',
  schema: ShowMetricsArgs,
  async execute(args: z.infer<typeof ShowMetricsArgs>, ctx: ToolContext): Promise<ToolReturn<'show_metrics'>> {
    const { mode, persona } = ctx;
    const unknown = args.metric_ids.filter((id) => !mode.metrics.some((m) => m.id === id));
    if (unknown.length > 0) {
      const valid = mode.metrics.map((m) => m.id).join(', ');
      return toolError('unknown_metric', `No metric ${unknown.join(', ')} in ${mode.name}. Valid ids: ${valid}.`);
    }
    const metrics = [...new Set(args.metric_ids)].map((id) => {
      const metric = mode.metrics.find((m) => m.id === id)!;
      const value = persona.fields[metric.personaPath] ?? 0;
      return { id, label: metric.label, value, formatted: formatValue(value, metric.format) };
    });
    const result: ShowMetricsResult = { metrics };
    return { ok: true, result };
  },
};
