import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../../api/contracts/chat';
import { formatValue } from '../../../api/contracts/format';
import { StoredModeCatalog } from '../../../api/adapters/mode-catalog';
import { OfflineChatModel } from '../../../api/adapters/offline/chat-model';
import { stem, tokens } from '../../../api/adapters/offline/words';
import { runChat } from '../../../api/domain/chat/run-chat';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildPersona } from '../../../api/domain/persona';
import { MemoryDocumentStore } from '../../fakes/memory-document-store';

const modes = new StoredModeCatalog(new MemoryDocumentStore());
const model = new OfflineChatModel((id) => modes.get(id), 0);
const asOf = new Date('2026-11-15T00:00:00Z');
const persona = (mode: NonNullable<ReturnType<typeof getBuiltinMode>>, seed: number) => buildPersona(mode, seed, asOf);

async function ask(text: string, modeId = 'banking', seed = 7) {
  const events: ChatEvent[] = [];
  const turn = {
    mode: getBuiltinMode(modeId)!,
    personaSeed: seed,
    messages: [{ role: 'user' as const, content: text }],
  };
  for await (const e of runChat(turn, { model, modes, persona })) events.push(e);
  const text_ = events
    .filter((e) => e.type === 'delta')
    .map((e) => (e.type === 'delta' ? e.text : ''))
    .join('');
  return { events, text: text_ };
}

describe('offline engine through the real tool loop', () => {
  it('answers the checking question in one sentence with the exact persona figure and a chart', async () => {
    const { events, text } = await ask('How much is left in my checking account?');
    const banking = getBuiltinMode('banking')!;
    const figure = formatValue(persona(banking, 7).fields['checking.balance']!, 'currency');
    expect(text).toContain(figure);
    expect(
      text
        .trim()
        .split(/[.!?](\s|$)/)
        .filter((s) => s.trim().length > 1),
    ).toHaveLength(1);
    const tool = events.find((e) => e.type === 'tool');
    expect(tool).toMatchObject({ name: 'show_chart', args: { dataset_ids: ['checking'] } });
  });

  it('switches to insurance and greets with the mode welcome', async () => {
    const { events, text } = await ask('hey presto, turn yourself into an insurer');
    expect(events.find((e) => e.type === 'mode')).toMatchObject({ mode: { id: 'insurance' } });
    expect(text).toBe(getBuiltinMode('insurance')!.welcome);
  });

  it('does not switch for presto pasta and offers help instead', async () => {
    const { events, text } = await ask("let's talk about presto pasta recipes");
    expect(events.some((e) => e.type === 'mode' || e.type === 'tool')).toBe(false);
    expect(text.length).toBeGreaterThan(10);
  });

  it('explains that an unknown industry is not available yet, listing modes', async () => {
    const { events, text } = await ask("Presto-Change-O, you're a food bank");
    expect(events.some((e) => e.type === 'mode')).toBe(false);
    expect(text).toMatch(/food bank/);
    expect(text).toMatch(/banking/i);
  });

  it('compares two series', async () => {
    const { events } = await ask('compare checking and savings over the last year');
    const tool = events.find((e) => e.type === 'tool');
    const series =
      tool?.type === 'tool' ? (tool.result as { chart: { series: { points: unknown[] }[] } }).chart.series : [];
    expect(series).toHaveLength(2);
    expect(series.every((s) => s.points.length === 12)).toBe(true);
  });
});

describe('words that name Object.prototype members', () => {
  it('are plain words to the offline engine', async () => {
    expect(stem('constructor')).toBe('constructor');
    expect(tokens('toString valueOf constructor')).toEqual(['tostring', 'valueof', 'constructor']);
    const { events, text } = await ask('who is the constructor of my checking account, hasOwnProperty?');
    expect(events.some((e) => e.type === 'error')).toBe(false);
    expect(text).not.toMatch(/function|native code/);
    expect(text.trim().length).toBeGreaterThan(0);
  });
});
