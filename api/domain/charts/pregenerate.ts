import { DEMO_PERSONA_SEED, type CreateChartImageRequest } from '../../contracts/charts';
import type { Mode } from '../../contracts/mode';
import type { ChartRequestOptions, ChartRequestOutcome } from './request-chart';

export type RequestChart = (
  request: CreateChartImageRequest,
  options?: ChartRequestOptions,
) => Promise<ChartRequestOutcome>;

export interface PregenerationSummary {
  /** Charts considered: one per dataset a pre-built mode's tabs show. */
  charts: number;
  /** Already stored as the model's image (or, offline, the local rendering). */
  cached: number;
  /** New jobs queued by this run (new images, and fallbacks with no retry left). */
  queued: number;
  /** Jobs already under way or fallbacks with a retry planned: left alone. */
  pending: number;
  failed: number;
}

/** The charts the dashboard shows for a mode: one per dataset of each tab, once each. */
export function tabChartDatasets(mode: Mode): string[] {
  return [...new Set(mode.tabs.flatMap((t) => t.datasetIds))].filter((id) => mode.datasets.some((d) => d.id === id));
}

/**
 * The scheduled pre-generation (timer trigger): queues the image of every chart the pre-built
 * modes' tabs show, for the demo persona (DEMO_PERSONA_SEED), so a demo never waits on the image
 * model. Idempotent: stored images are skipped, jobs under way are joined, never doubled; a
 * fallback whose retries ran out is asked for again. One request at a time — the queue handler
 * paces the image deployment anyway, and a burst here would only make a burst there.
 */
export async function pregenerateCharts(
  modes: readonly Mode[],
  requestChart: RequestChart,
  log?: (line: string) => void,
): Promise<PregenerationSummary> {
  const summary: PregenerationSummary = { charts: 0, cached: 0, queued: 0, pending: 0, failed: 0 };
  for (const mode of modes) {
    for (const datasetId of tabChartDatasets(mode)) {
      summary.charts++;
      try {
        const outcome = await requestChart(
          { modeId: mode.id, datasetIds: [datasetId], personaSeed: DEMO_PERSONA_SEED },
          { replaceFallback: true },
        );
        if (outcome.kind === 'ready')
          summary[outcome.requeued ? 'queued' : outcome.image.fallback ? 'pending' : 'cached']++;
        else if (outcome.created) summary.queued++;
        else summary.pending++;
      } catch (error) {
        summary.failed++;
        log?.(
          `chart-pregen: ${mode.id}/${datasetId} could not be queued: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  return summary;
}
