import { describe, expect, it } from 'vitest';
import type { ToolEvent } from '../../../api/contracts/chat';
import { isChartSpec } from '../../../web/src/features/charts/chart-utils';
import { metricIdsOf, noteFor, tabIdOf } from '../../../web/src/features/chat/tool-note';
import { modeIdOf } from '../../../web/src/features/modes/job-result';

const ev = (name: string, args: unknown, result: unknown): ToolEvent => ({
  type: 'tool',
  callId: 'c1',
  name,
  args,
  result,
});

describe('tool events', () => {
  it('describes a chart and recognises its spec', () => {
    const chart = {
      type: 'line',
      title: 'Checking balance',
      series: [{ datasetId: 'checking', label: 'Checking', unit: 'USD', points: [] }],
    };
    expect(noteFor(ev('show_chart', {}, { chart, summary: [] }))?.label).toBe('Charted Checking balance');
    expect(isChartSpec(chart)).toBe(true);
    expect(isChartSpec({ type: 'radar', series: [] })).toBe(false);
  });

  it('reads tab and metric ids, preferring results over arguments', () => {
    expect(tabIdOf(ev('select_tab', { tab_id: 'x' }, { tab: { id: 'mortgage', label: 'Mortgage' } }))).toBe('mortgage');
    expect(tabIdOf(ev('select_tab', { tab_id: 'x' }, { error: { code: 'unknown_tab', message: '' } }))).toBeNull();
    expect(metricIdsOf(ev('show_metrics', { metric_ids: ['a'] }, { metrics: [{ id: 'b' }] }))).toEqual(['b']);
    expect(metricIdsOf(ev('show_metrics', { metric_ids: ['a'] }, {}))).toEqual(['a']);
  });

  it('flags tool errors', () => {
    expect(noteFor(ev('show_chart', {}, { error: { code: 'x', message: 'y' } }))?.icon).toBe('alert');
  });

  it('reads the mode id of a finished job (GET /api/jobs/{id} result.modeId), nothing before', () => {
    expect(modeIdOf({ status: 'done', result: { modeId: 'veterinary-clinic--happy-paws' } })).toBe(
      'veterinary-clinic--happy-paws',
    );
    expect(modeIdOf({ status: 'running' })).toBeNull();
    expect(modeIdOf({ status: 'done' })).toBeNull();
  });

  it('says a new mode is being designed', () => {
    const result = {
      status: 'generating',
      requested: 'veterinary clinic',
      companyName: 'Happy Paws',
      jobId: 'j',
      message: '',
    };
    expect(noteFor(ev('switch_mode', {}, result))?.label).toBe('Designing Happy Paws');
    expect(noteFor(ev('switch_mode', {}, { ...result, companyName: null }))?.label).toBe('Designing veterinary clinic');
  });
});
