import { describe, expect, it } from 'vitest';
import type { ToolEvent } from '../../../api/contracts/chat';
import { noteFor } from '../../../web/src/features/chat/tool-note';
import { modeIdOf } from '../../../web/src/features/modes/job-result';

const chart = {
  type: 'line' as const,
  title: 'Checking balance',
  series: [{ datasetId: 'checking', label: 'Checking', unit: 'USD', points: [] }],
};
const failed = (name: string): ToolEvent => ({
  type: 'tool',
  callId: 'c1',
  ok: false,
  name,
  args: {},
  result: { error: { code: 'x', message: 'y' } },
});

describe('tool events', () => {
  it('describes a chart, a picture, a tab and highlighted KPIs', () => {
    const args = {
      dataset_ids: ['checking'],
      chart_type: 'line' as const,
      range_months: 12,
      title: 'Checking balance',
    };
    const shown: ToolEvent = {
      type: 'tool',
      callId: 'c1',
      ok: true,
      name: 'show_chart',
      args,
      result: { chart, summary: [] },
    };
    expect(noteFor(shown)?.label).toBe('Charted Checking balance');
    const tab: ToolEvent = {
      type: 'tool',
      callId: 'c2',
      ok: true,
      name: 'select_tab',
      args: { tab_id: 'mortgage' },
      result: { tab: { id: 'mortgage', label: 'Mortgage' } },
    };
    expect(noteFor(tab)?.label).toBe('Opened Mortgage');
    const metric = { id: 'balance', label: 'Balance', value: 1, formatted: '$1' };
    const kpis: ToolEvent = {
      type: 'tool',
      callId: 'c3',
      ok: true,
      name: 'show_metrics',
      args: { metric_ids: ['balance'] },
      result: { metrics: [metric] },
    };
    expect(noteFor(kpis)?.label).toBe('Highlighted 1 KPI');
  });

  it('flags tool errors, known tool or not', () => {
    expect(noteFor(failed('show_chart'))).toMatchObject({ icon: 'alert', label: "Couldn't run show chart" });
    expect(noteFor(failed('make_coffee'))).toMatchObject({ icon: 'alert', label: "Couldn't run make coffee" });
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
      status: 'generating' as const,
      requested: 'veterinary clinic',
      companyName: 'Happy Paws' as string | null,
      jobId: 'j',
      message: '',
    };
    const designing = (companyName: string | null): ToolEvent => ({
      type: 'tool',
      callId: 'c1',
      ok: true,
      name: 'switch_mode',
      args: { industry: 'veterinary clinic', builtin: null, company_name: companyName },
      result: { ...result, companyName },
    });
    expect(noteFor(designing('Happy Paws'))?.label).toBe('Designing Happy Paws');
    expect(noteFor(designing(null))?.label).toBe('Designing veterinary clinic');
  });
});
