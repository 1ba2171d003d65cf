import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../../api/contracts/chat';
import { formatValue } from '../../../api/contracts/format';
import type { ShowChartResult } from '../../../api/contracts/tools';
import { StoredModeCatalog } from '../../../api/adapters/mode-catalog';
import { OfflineChatModel } from '../../../api/adapters/offline/chat-model';
import { detectIntent } from '../../../api/adapters/offline/intent';
import { smalltalkReply } from '../../../api/adapters/offline/smalltalk';
import { runChat } from '../../../api/domain/chat/run-chat';
import type { ModelMessage } from '../../../api/domain/ports';
import { BUILTIN_MODES, getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildPersona } from '../../../api/domain/persona';
import { MemoryDocumentStore } from '../../fakes/memory-document-store';

const modes = new StoredModeCatalog(new MemoryDocumentStore());
const model = new OfflineChatModel((id) => modes.get(id), 0);
const asOf = new Date('2026-11-15T00:00:00Z');

async function ask(modeId: string, messages: ModelMessage[]) {
  const mode = getBuiltinMode(modeId)!;
  const events: ChatEvent[] = [];
  const turn = { mode, personaSeed: 7, messages: messages as never };
  for await (const e of runChat(turn, { model, modes, persona: (m, s) => buildPersona(m, s, asOf) })) events.push(e);
  const text = events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
  return { events, text, persona: buildPersona(mode, 7, asOf) };
}

describe('offline answers to everyday questions keep their numbers straight', () => {
  it.each([
    ['banking', 'how much do I still owe on the house?', 'mortgage', 'mortgage.remaining'],
    ['insurance', 'when is my next premium due and how much?', 'auto_premium', 'auto.premium'],
    ['insurance', 'show my claims this year', 'open_claims', 'claims.open'],
    ['healthcare', 'how much of my deductible is left?', 'deductible', 'deductible.met'],
    ['energy', 'what do I owe this month', 'bill', 'bill.current'],
  ])('%s: "%s" charts %s and says its last point, which is the KPI', async (modeId, question, dataset, field) => {
    const { events, text, persona } = await ask(modeId, [{ role: 'user', content: question }]);
    const tool = events.find((e) => e.type === 'tool');
    expect(tool).toMatchObject({ name: 'show_chart', args: { dataset_ids: [dataset] } });
    const chart = (tool?.type === 'tool' ? tool.result : undefined) as ShowChartResult;
    const last = chart.chart.series[0]!.points.at(-1)!.y;
    expect(last).toBe(persona.fields[field]);
    const unit = getBuiltinMode(modeId)!.datasets.find((d) => d.id === dataset)!.unit;
    const format = unit === 'USD' ? 'currency' : unit === 'percent' ? 'percent' : 'number';
    expect(text).toContain(formatValue(last, format));
  });

  it('a 12-month KPI question answers with the KPI card figure', async () => {
    const { events, text, persona } = await ask('airline', [{ role: 'user', content: 'how many flights this year?' }]);
    expect(events.find((e) => e.type === 'tool')).toMatchObject({
      name: 'show_metrics',
      args: { metric_ids: ['flights_12m'] },
    });
    expect(text).toContain(formatValue(persona.fields['flights.total_12m']!, 'number'));
  });

  it('a follow-up reuses the chart the conversation just showed', async () => {
    const history: ModelMessage[] = [
      { role: 'user', content: 'how much is in my checking?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'c1',
            type: 'function',
            function: {
              name: 'show_chart',
              arguments: JSON.stringify({ dataset_ids: ['checking'], chart_type: 'line', range_months: 12 }),
            },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: '{}' },
      { role: 'assistant', content: 'Checking balance: $1.' },
      { role: 'user', content: 'and over the last 6 months as bars?' },
    ];
    const { events } = await ask('banking', history);
    expect(events.find((e) => e.type === 'tool')).toMatchObject({
      name: 'show_chart',
      args: { dataset_ids: ['checking'], range_months: 6, chart_type: 'bar' },
    });
  });
});

describe('off-script messages get an in-character answer that fits', () => {
  const airline = getBuiltinMode('airline')!;
  const offScript = ['what does presto mean in music?', "Presto is my cat's name", 'can you change my password?'];

  it('the three messages of the issue get three different answers, none suggesting the airline itself', () => {
    const replies = offScript.map((t) => smalltalkReply(airline, t));
    expect(new Set(replies).size).toBe(3);
    for (const r of replies) expect(r).not.toMatch(/you're an airline/i);
    expect(replies[0]).toMatch(/quickly|fast/i);
    expect(replies[2]).toMatch(/can't|not able|support team/i);
  });

  it('points at something the mode can show, as a question in plain English', () => {
    for (const mode of BUILTIN_MODES) {
      for (const t of ['hmm', 'what can you do?', 'hello', 'blah blah']) {
        const reply = smalltalkReply(mode, t);
        // The suggested question really works here: asked back, it charts one of this mode's datasets.
        const quoted = [...reply.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
        expect(
          quoted.some((q) => detectIntent(q, mode).kind === 'chart'),
          reply,
        ).toBe(true);
        // The old fallback read "ask me about your paid by your plan, …".
        expect(reply).not.toMatch(/about your \w+ by your/i);
        expect(reply).not.toMatch(new RegExp(`you're an? ${mode.name}`, 'i'));
      }
    }
  });

  it('a help request suggests changing to another mode', () => {
    const reply = smalltalkReply(getBuiltinMode('banking')!, 'what can you do?');
    expect(reply).toMatch(/Presto-Change-O, you're an? (insurer|health plan|store|airline|energy company)/);
  });
});
