import { z } from 'zod';
import { chartSeriesOf } from '../../contracts/chart-series';
import { formatValue } from '../../contracts/format';
import { ShowChartArgs, type ShowChartResult } from '../../contracts/tools';
import { toolError, type ToolContext, type ToolReturn } from './context';

export const showChart = {
  name: 'show_chart' as const,
  description:
    "Animate a chart of the customer's own data into the dashboard. Use it whenever you answer about a dataset. " +
    'The server fills in the numbers from the customer record; never invent chart data.',
  schema: ShowChartArgs,
  async execute(args: z.infer<typeof ShowChartArgs>, ctx: ToolContext): Promise<ToolReturn<'show_chart'>> {
    const { mode, persona } = ctx;
    const unknown = args.dataset_ids.filter((id) => !mode.datasets.some((d) => d.id === id));
    if (unknown.length > 0) {
      const valid = mode.datasets.map((d) => d.id).join(', ');
      return toolError('unknown_dataset', `No dataset ${unknown.join(', ')} in ${mode.name}. Valid ids: ${valid}.`);
    }
    const ids = [...new Set(args.dataset_ids)];
    const series = ids.map((id) => {
      const dataset = mode.datasets.find((d) => d.id === id)!;
      return chartSeriesOf(dataset, persona.series[id] ?? [], args.range_months);
    });
    const summary = series.map((s) => {
      const last = s.points[s.points.length - 1] ?? { x: '', y: 0 };
      const unit = mode.datasets.find((d) => d.id === s.datasetId)!.unit;
      return {
        datasetId: s.datasetId,
        label: s.label,
        latest: last.y,
        latestFormatted: formatValue(last.y, unit),
        month: last.x,
        ...(s.toDate ? { toDate: true } : {}),
        ...(s.payoff ? { payoff: s.payoff.month } : {}),
      };
    });
    const result: ShowChartResult = { chart: { type: args.chart_type, title: args.title, series }, summary };
    return { ok: true, result };
  },
};
