import { z } from 'zod';
import { MakeChartImageArgs, type MakeChartImageResult } from '../../contracts/charts';
import { pictureDatasets } from '../charts/picture';
import { DomainError } from '../errors';
import { toolError, type ToolContext, type ToolReturn } from './context';

export const makeChartImage = {
  name: 'make_chart_image' as const,
  description:
    "Paint an illustrated picture of a chart of the customer's own data (an image model draws it). Use it when the " +
    'user asks for a picture, illustration or drawing of a dataset ("make me a picture of my spending"). The numbers ' +
    'come from the customer record; the image appears when it is ready.',
  schema: MakeChartImageArgs,
  async execute(args: z.infer<typeof MakeChartImageArgs>, ctx: ToolContext): Promise<ToolReturn<'make_chart_image'>> {
    if (!ctx.requestChartImage) return toolError('unavailable', 'Chart images are not available here.');
    try {
      // Validated against the current mode first, so the model sees which ids exist.
      const datasetIds = pictureDatasets(ctx.mode, args.dataset_ids);
      const outcome = await ctx.requestChartImage({ modeId: ctx.mode.id, datasetIds, personaSeed: ctx.persona.seed });
      const chart = { type: outcome.picture.type, title: outcome.picture.title, series: outcome.picture.series };
      if (outcome.kind === 'ready') {
        const result: MakeChartImageResult = { status: 'ready', chart, image: outcome.image };
        return { ok: true, result };
      }
      const result: MakeChartImageResult = {
        status: 'generating',
        chart,
        jobId: outcome.job.id,
        message: `I'm painting your ${chart.title.toLowerCase()} chart; it appears on the dashboard in a moment.`,
      };
      return { ok: true, result, job: { jobId: outcome.job.id, kind: 'chart-image', status: outcome.job.status } };
    } catch (error) {
      if (error instanceof DomainError) return toolError(error.code, error.message);
      throw error;
    }
  },
};
