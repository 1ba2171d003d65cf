import { describe, expect, it } from 'vitest';
import { ChatEvent, ChatRequest } from '../../../api/contracts/chat';
import { formatValue } from '../../../api/contracts/format';
import { ShowChartArgs, SwitchModeArgs } from '../../../api/contracts/tools';
import { toolDefinitions } from '../../../api/domain/tools/registry';

describe('contracts', () => {
  it('ChatRequest rejects system messages, bad session ids and oversized messages', () => {
    const base = {
      sessionId: 'session-1',
      modeId: 'banking',
      personaSeed: 1,
      messages: [{ role: 'user', content: 'hi' }],
    };
    expect(ChatRequest.safeParse(base).success).toBe(true);
    expect(ChatRequest.safeParse({ ...base, messages: [{ role: 'system', content: 'x' }] }).success).toBe(false);
    expect(ChatRequest.safeParse({ ...base, sessionId: 'a b' }).success).toBe(false);
    expect(ChatRequest.safeParse({ ...base, messages: [{ role: 'user', content: 'x'.repeat(4001) }] }).success).toBe(
      false,
    );
    expect(ChatRequest.safeParse({ ...base, personaSeed: -1 }).success).toBe(false);
  });

  it('tool args are bounded', () => {
    expect(ShowChartArgs.safeParse({ dataset_ids: [], chart_type: 'line', range_months: 12, title: 't' }).success).toBe(
      false,
    );
    expect(
      ShowChartArgs.safeParse({
        dataset_ids: ['a', 'b', 'c', 'd', 'e'],
        chart_type: 'line',
        range_months: 12,
        title: 't',
      }).success,
    ).toBe(false);
    expect(
      ShowChartArgs.safeParse({ dataset_ids: ['a'], chart_type: 'radar', range_months: 12, title: 't' }).success,
    ).toBe(false);
    expect(SwitchModeArgs.safeParse({ industry: 'bank', builtin: 'casino', company_name: null }).success).toBe(false);
  });

  it('SSE events are a closed union', () => {
    expect(ChatEvent.safeParse({ type: 'delta', text: 'x' }).success).toBe(true);
    expect(ChatEvent.safeParse({ type: 'shell', cmd: 'rm' }).success).toBe(false);
  });

  it('tool definitions are JSON Schema objects with every field required (strict-ready)', () => {
    const defs = toolDefinitions();
    expect(defs.map((d) => d.name)).toEqual([
      'switch_mode',
      'show_chart',
      'show_metrics',
      'select_tab',
      'make_chart_image',
    ]);
    for (const def of defs) {
      expect(def.parameters).toMatchObject({ type: 'object', additionalProperties: false });
      const props = Object.keys((def.parameters as { properties: object }).properties);
      expect((def.parameters as { required: string[] }).required.sort()).toEqual(props.sort());
    }
  });

  it('formats figures the same way everywhere', () => {
    expect(formatValue(42.5, 'currency')).toBe('$42.50');
    expect(formatValue(4218.3, 'currency')).toBe('$4,218');
    expect(formatValue(23534.01, 'USD')).toBe('$23.5k');
    expect(formatValue(1_240_000, 'USD')).toBe('$1.2M');
    expect(formatValue(742, 'score')).toBe('742');
    expect(formatValue(12.34, 'percent')).toBe('12.3%');
  });
});
