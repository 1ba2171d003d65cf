import { describe, expect, it } from 'vitest';
import { ChatEvent, type DoneEvent } from '../../../api/contracts/chat';
import { MAX_TOOL_ROUNDS, runChat } from '../../../api/domain/chat/run-chat';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildPersona } from '../../../api/domain/persona';
import { StoredModeCatalog } from '../../../api/adapters/mode-catalog';
import { MemoryDocumentStore } from '../../fakes/memory-document-store';
import { END, ScriptedChatModel, call } from '../../fakes/scripted-chat-model';

const banking = getBuiltinMode('banking')!;
const asOf = new Date('2026-11-15T00:00:00Z');
const persona = (mode: typeof banking, seed: number) => buildPersona(mode, seed, asOf);
const modes = new StoredModeCatalog(new MemoryDocumentStore());

async function collect(model: ScriptedChatModel, text = 'hi') {
  const events: ChatEvent[] = [];
  const turn = { mode: banking, personaSeed: 42, messages: [{ role: 'user' as const, content: text }] };
  for await (const e of runChat(turn, { model, modes, persona })) events.push(ChatEvent.parse(e));
  return events;
}

describe('runChat tool loop', () => {
  it('runs show_chart with persona numbers, feeds the result back, and ends with one done', async () => {
    const model = new ScriptedChatModel([
      [
        call('c1', 'show_chart', {
          dataset_ids: ['checking'],
          chart_type: 'line',
          range_months: 12,
          title: 'Checking',
        }),
        END,
      ],
      [{ type: 'text', text: 'Here you go.' }, END],
    ]);
    const events = await collect(model);
    const tool = events.find((e) => e.type === 'tool');
    const result =
      tool?.type === 'tool' ? (tool.result as { chart: { series: { points: { y: number }[] }[] } }) : undefined;
    const expected = persona(banking, 42).series.checking!.at(-1)!.y;
    expect(result?.chart.series[0]?.points).toHaveLength(12);
    expect(result?.chart.series[0]?.points.at(-1)?.y).toBe(expected);
    const second = model.requests[1]!;
    expect(second.messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'c1' });
    const done = events.at(-1) as DoneEvent;
    expect(done.type).toBe('done');
    expect(done.finishReason).toBe('stop');
    expect(done.usage.totalTokens).toBe(30);
    expect(done.messages.map((m) => m.role)).toEqual(['assistant', 'tool', 'assistant']);
    expect(events.filter((e) => e.type === 'done')).toHaveLength(1);
  });

  it('turns unknown datasets, bad JSON and unknown tools into tool errors the model sees', async () => {
    const model = new ScriptedChatModel([
      [
        call('a', 'show_chart', { dataset_ids: ['bitcoin'], chart_type: 'line', range_months: 12, title: 'x' }),
        call('b', 'select_tab', '{not json'),
        call('c', 'launch_rockets', {}),
        call('d', 'select_tab', { tab_id: 7 }),
        END,
      ],
      [{ type: 'text', text: 'Sorry.' }, END],
    ]);
    const events = await collect(model);
    const results = events
      .filter((e) => e.type === 'tool')
      .map((e) => (e.type === 'tool' ? (e.result as { error?: { code: string } }).error?.code : ''));
    expect(results).toEqual(['unknown_dataset', 'invalid_json', 'unknown_tool', 'invalid_arguments']);
    expect(model.requests[1]!.messages.filter((m) => m.role === 'tool')).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop' });
  });

  it('switch_mode emits a mode event and later rounds run in the new mode', async () => {
    const model = new ScriptedChatModel([
      [call('s', 'switch_mode', { industry: 'insurer', builtin: 'insurance', company_name: null }), END],
      [{ type: 'text', text: 'Welcome.' }, END],
    ]);
    const events = await collect(model);
    const modeEvent = events.find((e) => e.type === 'mode');
    expect(modeEvent?.type === 'mode' && modeEvent.mode.id).toBe('insurance');
    expect(model.requests[1]!.context.modeId).toBe('insurance');
    expect(model.requests[1]!.messages[0]!.content).toContain(getBuiltinMode('insurance')!.companyName);
  });

  it('an unknown industry is answered, not switched', async () => {
    const model = new ScriptedChatModel([
      [call('s', 'switch_mode', { industry: 'food bank', builtin: null, company_name: null }), END],
      [{ type: 'text', text: 'No such mode.' }, END],
    ]);
    const events = await collect(model);
    expect(events.some((e) => e.type === 'mode')).toBe(false);
    const tool = events.find((e) => e.type === 'tool');
    expect(tool?.type === 'tool' && (tool.result as { status: string }).status).toBe('unavailable');
  });

  it(`stops after ${MAX_TOOL_ROUNDS} tool rounds`, async () => {
    const model = new ScriptedChatModel([[call('x', 'select_tab', { tab_id: 'accounts' }), END]]);
    const events = await collect(model);
    expect(model.requests).toHaveLength(MAX_TOOL_ROUNDS);
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_limit' });
  });

  it('a model failure becomes a retryable error event followed by done, never a throw', async () => {
    const model = new ScriptedChatModel([
      [
        { type: 'text', text: 'Hel' },
        { type: 'status', message: 'throw' },
      ],
    ]);
    const events = await collect(model);
    expect(events.map((e) => e.type)).toEqual(['delta', 'error', 'done']);
    expect(events[1]).toMatchObject({ code: 'internal', retryable: true });
  });
});

describe('model requests', () => {
  it('sends a realistic token cap and no sampling parameters (docs/pitfalls.md 3.2, 4.1)', async () => {
    const model = new ScriptedChatModel([[{ type: 'text', text: 'ok' }, END]]);
    await collect(model);
    const request = model.requests[0]!;
    expect(request.maxCompletionTokens).toBeLessThanOrEqual(800);
    expect(Object.keys(request).sort()).toEqual(['context', 'maxCompletionTokens', 'messages', 'tools']);
    expect(request.messages[0]).toMatchObject({ role: 'system' });
    expect(request.tools.map((t) => t.name)).toContain('show_chart');
  });
});
