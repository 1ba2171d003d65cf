import { app, type InvocationContext, type Timer } from '@azure/functions';
import { chartSchedule } from '../config';
import { getDeps, type Deps } from '../deps';
import { pregenerateCharts } from '../domain/charts/pregenerate';
import { BUILTIN_MODES } from '../domain/modes/catalog';

/**
 * Timer trigger: daily (PRESTO_CHART_SCHEDULE, NCRONTAB) it queues the chart images of every
 * pre-built mode's tabs for the demo persona, so demos find them made. Idempotent: what is stored
 * or under way is skipped; the queue trigger does the painting, at the image deployment's pace.
 */
export function chartPregenTimer(deps: () => Deps) {
  return async (_timer: Timer, context: InvocationContext): Promise<void> => {
    const summary = await pregenerateCharts(BUILTIN_MODES, deps().requestChartImage, (line) => context.warn(line));
    context.log(
      `chart-pregen: ${summary.charts} charts: ${summary.cached} cached, ${summary.queued} queued, ${summary.pending} pending, ${summary.failed} failed`,
    );
  };
}

app.timer('chart-pregen-timer', { schedule: chartSchedule(), handler: chartPregenTimer(getDeps) });
