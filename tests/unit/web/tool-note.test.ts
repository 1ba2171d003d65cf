import { describe, expect, it } from 'vitest';
import type { ToolEvent } from '../../../api/contracts/chat';
import { isChartSpec } from '../../../web/src/features/charts/chart-utils';
import { metricIdsOf, noteFor, tabIdOf } from '../../../web/src/features/chat/tool-note';
import { modeFromJobResult } from '../../../web/src/features/modes/job-result';

const ev = (name: string, args: unknown, result: unknown): ToolEvent => ({ type: 'tool', callId: 'c1', name, args, result });

describe('tool events', () => {
  it('describes a chart and recognises its spec', () => {
    const chart = { type: 'line', title: 'Checking balance', series: [{ datasetId: 'checking', label: 'Checking', unit: 'USD', points: [] }] };
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

  it('reads a finished mode job in any of its shapes', () => {
    expect(modeFromJobResult({ modeId: 'vet-happy-paws' })).toBe('vet-happy-paws');
    expect(modeFromJobResult({ mode: { id: 'm', theme: {} } })).toEqual({ id: 'm', theme: {} });
    expect(modeFromJobResult(null)).toBeNull();
  });
});
