/// <reference types="vite/client" />
// (the SPA's API client reads import.meta.env)
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatEvent } from '../../../api/contracts/chat';
import { StoredModeCatalog } from '../../../api/adapters/mode-catalog';
import { OfflineChatModel } from '../../../api/adapters/offline/chat-model';
import { runChat } from '../../../api/domain/chat/run-chat';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildPersona } from '../../../api/domain/persona';
import { streamChat } from '../../../web/src/api/client';
import { readToolEvent, readToolResponse } from '../../../web/src/api/read-tool';
import { noteFor } from '../../../web/src/features/chat/tool-note';
import { runTool } from '../../../web/src/realtime/voice-api';
import { MemoryDocumentStore } from '../../fakes/memory-document-store';

const modes = new StoredModeCatalog(new MemoryDocumentStore());
const model = new OfflineChatModel((id) => modes.get(id), 0);
const asOf = new Date('2026-11-15T00:00:00Z');

/** The tool events the server really sends for one question (offline engine, the real tool loop). */
async function toolEventsFor(question: string): Promise<unknown[]> {
  const turn = {
    mode: getBuiltinMode('banking')!,
    personaSeed: 7,
    messages: [{ role: 'user' as const, content: question }],
  };
  const events: unknown[] = [];
  for await (const e of runChat(turn, { model, modes, persona: (m, s) => buildPersona(m, s, asOf) }))
    if (e.type === 'tool') events.push(JSON.parse(JSON.stringify(e)));
  return events;
}

const chartEvent = {
  type: 'tool',
  callId: 'c1',
  ok: true,
  name: 'show_chart',
  args: { dataset_ids: ['checking'], chart_type: 'line', range_months: 12, title: 'Checking' },
  result: {
    chart: {
      type: 'line',
      title: 'Checking',
      series: [{ datasetId: 'checking', label: 'Checking', unit: 'USD', points: [] }],
    },
    summary: [],
  },
};

function sse(events: object[]): Response {
  const body = events.map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

afterEach(() => vi.unstubAllGlobals());

describe('tool results at the SPA boundary (parsed once with the contract)', () => {
  it.each([
    'show me my checking balance',
    'how much is left in my checking account?',
    'go to the mortgage tab',
    "presto-change-o, you're an insurer",
  ])('reads what the server sends for "%s"', async (question) => {
    const events = await toolEventsFor(question);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(readToolEvent(e)).toMatchObject({ ok: true, value: e });
  });

  it('rejects a result that does not fit its tool, naming the field', () => {
    const { summary: _s, ...noSummary } = chartEvent.result;
    expect(readToolEvent({ ...chartEvent, result: noSummary })).toEqual({
      ok: false,
      message: expect.stringMatching(/^The show chart result could not be read \(result\.summary: /),
    });
    // Another tool's result under this tool's name is not this tool's result.
    expect(readToolEvent({ ...chartEvent, result: { tab: { id: 'home', label: 'Home' } } })).toMatchObject({
      ok: false,
    });
    expect(readToolEvent({ ...chartEvent, name: 'make_coffee' })).toMatchObject({ ok: false });
    expect(readToolEvent({ ...chartEvent, ok: undefined })).toMatchObject({ ok: false });
  });

  it('a malformed tool event in the chat stream becomes a failed tool, and the answer goes on', async () => {
    const broken = { ...chartEvent, result: { chart: { title: 'Checking' } } };
    const done = {
      type: 'done',
      finishReason: 'stop',
      model: 'm',
      usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
      messages: [],
    };
    vi.stubGlobal('fetch', async () => sse([broken, { type: 'delta', text: 'Here it is.' }, chartEvent, done]));
    const seen: ChatEvent[] = [];
    await streamChat({ sessionId: 'session-1', modeId: 'banking', personaSeed: 7, messages: [] }, (e) => seen.push(e));
    expect(seen.map((e) => e.type)).toEqual(['tool', 'delta', 'tool', 'done']);
    const [first, , second] = seen;
    expect(first).toMatchObject({
      type: 'tool',
      callId: 'c1',
      ok: false,
      name: 'show_chart',
      result: { error: { code: 'unreadable_result', message: expect.stringContaining('result.chart') } },
    });
    // The user sees "Couldn't run show chart" under the answer instead of a broken page.
    expect(first?.type === 'tool' && noteFor(first)).toMatchObject({ icon: 'alert', label: "Couldn't run show chart" });
    expect(second).toEqual(chartEvent);
  });

  it('the voice client refuses a tools-route answer that does not fit, with a clear error', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ result: { chart: { title: 'Checking' } } }));
    const request = { sessionId: 'session-1', modeId: 'banking', personaSeed: 7, args: {} };
    await expect(runTool('show_chart', request)).rejects.toMatchObject({
      code: 'bad_response',
      retryable: true,
      message: expect.stringMatching(/^The show chart answer could not be read \(/),
    });
    const { type: _t, callId: _c, ...run } = chartEvent;
    vi.stubGlobal('fetch', async () => Response.json(run));
    await expect(runTool('show_chart', request)).resolves.toEqual(run);
    expect(readToolResponse({ ...run, job: { jobId: 'j' } }, 'show_chart')).toMatchObject({ ok: false });
  });
});
