import { describe, expect, it } from 'vitest';
import type { ChartImage, ChartJobRecord } from '../../../../api/contracts/charts';
import { finishChart, newChartJob, publicChartJob, startChart } from '../../../../api/domain/charts/chart-job';
import { DEFAULT_LEASE_MS } from '../../../../api/domain/jobs/staleness';
import { InvalidJobTransition, isRestartable } from '../../../../api/domain/jobs/transitions';
import { newJob, publicJob, startAttempt, succeed } from '../../../../api/domain/modes/generation/job';

const t0 = new Date('2026-01-01T10:00:00Z');
const key = 'a'.repeat(32);
const later = (ms: number) => new Date(t0.getTime() + ms);
const modeJob = () => newJob('food-bank', { industry: 'food bank', companyName: null }, 'token-123456', t0);
const chartJob = (): ChartJobRecord =>
  newChartJob(
    'chart_abc',
    { modeId: 'banking', datasetIds: ['spending'], personaSeed: 7, key, asOf: '2026-01' },
    'token-123456',
    t0,
  );
const image: ChartImage = {
  key,
  url: `/api/charts/${key}`,
  source: 'local',
  fallback: false,
  alt: 'Spending',
  width: 1,
  height: 1,
};

describe('mode and chart jobs share one state machine and one staleness rule', () => {
  it('a finished job of either kind refuses to run again, with the same error', () => {
    const doneMode = succeed(startAttempt(modeJob(), 1, t0), 'food-bank', t0);
    const doneChart = finishChart(startChart(chartJob(), 1, t0), image, t0);
    expect(() => startAttempt(doneMode, 2, t0)).toThrow(InvalidJobTransition);
    expect(() => startChart(doneChart, 2, t0)).toThrow(InvalidJobTransition);
  });

  it('a running job of either kind whose lease ran out is restartable and reads as stalled', () => {
    const mode = startAttempt(modeJob(), 1, t0);
    const chart = startChart(chartJob(), 1, t0);
    const after = later(DEFAULT_LEASE_MS + 1);
    expect([isRestartable(mode, later(1)), isRestartable(chart, later(1))]).toEqual([false, false]);
    expect([isRestartable(mode, after), isRestartable(chart, after)]).toEqual([true, true]);
    expect(publicJob(mode, after).error?.code).toBe('stalled');
    expect(publicChartJob(chart, after).error?.code).toBe('stalled');
  });
});
