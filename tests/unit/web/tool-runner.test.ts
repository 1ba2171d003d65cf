/// <reference types="vite/client" />
// (the voice client reads import.meta.env through web/src/api/client.ts)
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToolEvent } from '../../../api/contracts/chat';
import type { ClientEvent } from '../../../web/src/realtime/events';
import { SLOW_TOOL_MS, ToolRunner } from '../../../web/src/realtime/tool-runner';

const conversation = { sessionId: 'session-1', modeId: 'banking', personaSeed: 7 };
const chart = {
  type: 'line',
  title: 'Checking',
  series: [{ datasetId: 'checking', label: 'Checking', unit: 'USD', points: [{ x: '2026-10', y: 1200 }] }],
};
/** POST /api/tools/show_chart's answer, as the contract has it (api/contracts/chat.ts ToolResponse). */
const charted = {
  ok: true,
  name: 'show_chart',
  args: { dataset_ids: ['checking'], chart_type: 'line', range_months: 12, title: 'Checking' },
  result: { chart, summary: [] },
};
const tabOpened = {
  ok: true,
  name: 'select_tab',
  args: { tab_id: 'mortgage' },
  result: { tab: { id: 'mortgage', label: 'Mortgage' } },
};

function runner(answer: (url: string, body: unknown) => Promise<Response>) {
  const sent: ClientEvent[] = [];
  const applied: ToolEvent[] = [];
  const requests: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const body = JSON.parse(init.body as string) as unknown;
    requests.push({ url, body });
    return answer(url, body);
  });
  const tools = new ToolRunner({
    conversation: () => conversation,
    apply: (e) => applied.push(e),
    send: (e) => sent.push(e),
  });
  return { tools, sent, applied, requests };
}

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('ToolRunner (realtime function calling → POST /api/tools/{name})', () => {
  it('runs the tool on the server for the current conversation, shows the result, returns it to the model, then one response.create', async () => {
    const { tools, sent, applied, requests } = runner(async () => json(charted));
    tools.call('r1', 'c1', 'show_chart', '{"dataset_ids":["checking"]}');
    await tools.responseDone('r1');
    expect(requests).toEqual([
      { url: '/api/tools/show_chart', body: { ...conversation, args: { dataset_ids: ['checking'] } } },
    ]);
    expect(applied).toEqual([{ type: 'tool', callId: 'c1', ...charted }]);
    expect(sent).toEqual([
      {
        type: 'conversation.item.create',
        item: { type: 'function_call_output', call_id: 'c1', output: JSON.stringify(charted.result) },
      },
      { type: 'response.create' },
    ]);
  });

  it('answers a slow tool at once ("in progress") so the voice keeps talking, then adds the real result as a system item', async () => {
    vi.useFakeTimers();
    let release!: () => void;
    const { tools, sent, applied } = runner(() => new Promise((resolve) => (release = () => resolve(json(tabOpened)))));
    tools.call('r1', 'c1', 'select_tab', '{"tab_id":"mortgage"}');
    const done = tools.responseDone('r1');
    await vi.advanceTimersByTimeAsync(SLOW_TOOL_MS + 10);
    await done;
    expect(sent.map((e) => e.type)).toEqual(['conversation.item.create', 'response.create']);
    expect(JSON.stringify(sent[0])).toContain('in_progress');
    release();
    vi.useRealTimers();
    await settle();
    await settle();
    expect(applied).toHaveLength(1);
    expect(sent[2]).toMatchObject({ type: 'conversation.item.create', item: { type: 'message', role: 'system' } });
    expect(JSON.stringify(sent[2])).toContain(
      'The select_tab result is now on screen: {\\"tab\\":{\\"id\\":\\"mortgage\\"',
    );
  });

  it('turns failures into tool errors the model can talk about', async () => {
    const { tools, sent } = runner(async () =>
      json({ error: { code: 'rate_limited', message: 'Too many actions', retryable: true } }, 429),
    );
    tools.call('r1', 'c1', 'show_chart', '{}');
    tools.call('r1', 'c2', 'select_tab', 'not json');
    await tools.responseDone('r1');
    const outputs = sent
      .filter((e) => e.type === 'conversation.item.create')
      .map((e) => JSON.parse(String((e as { item: Record<string, unknown> }).item.output)) as unknown);
    expect(outputs).toContainEqual({ error: { code: 'rate_limited', message: 'Too many actions' } });
    expect(outputs).toContainEqual({
      error: { code: 'invalid_arguments', message: 'The arguments were not valid JSON.' },
    });
    expect(sent.filter((e) => e.type === 'response.create')).toHaveLength(1);
  });
});
