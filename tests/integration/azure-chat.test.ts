import { afterEach, describe, expect, it } from 'vitest';
import { formatValue } from '../../api/contracts/format';
import { MAX_COMPLETION_TOKENS } from '../../api/domain/chat/run-chat';
import { getBuiltinMode } from '../../api/domain/modes/catalog';
import { buildPersona } from '../../api/domain/persona';
import { azureHarness, doneOf, ofType, textOf, type AzureHarness } from './azure-harness';

let h: AzureHarness;
afterEach(async () => h?.stop());

describe('Azure chat on model-router through the Foundry emulator', () => {
  it('answers a checking question: tool call, tool result, one sentence with the persona figure (default brain)', async () => {
    h = await azureHarness();
    const events = await h.chat('How much is left in my checking account?');
    const tool = ofType(events, 'tool')[0];
    expect(tool).toMatchObject({ name: 'show_chart', args: { dataset_ids: ['checking'] } });
    const balance = buildPersona(getBuiltinMode('banking')!, 7, new Date('2026-11-15T00:00:00Z')).fields[
      'checking.balance'
    ]!;
    expect(textOf(events)).toContain(formatValue(balance, 'currency'));
    expect(ofType(events, 'error')).toEqual([]);
  });

  it('3.3/5.2: skips the empty-choices first chunk (prompt_filter_results) and the usage-only last chunk, and reports usage', async () => {
    h = await azureHarness();
    h.emulator.enqueue({ kind: 'text', text: 'Hello there, friend.' });
    const events = await h.chat('hi');
    expect(textOf(events)).toBe('Hello there, friend.');
    expect(doneOf(events)).toMatchObject({ finishReason: 'stop' });
    expect(doneOf(events).usage.totalTokens).toBeGreaterThan(0);
    expect(h.emulator.chatRequests()[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('3.3: assembles streamed tool-call deltas by index (two parallel calls, arguments in pieces)', async () => {
    h = await azureHarness();
    h.emulator.enqueue(
      {
        kind: 'tool_calls',
        calls: [
          {
            id: 'call_a',
            name: 'show_chart',
            arguments: {
              dataset_ids: ['savings'],
              chart_type: 'line',
              range_months: 6,
              title: 'Savings over six months',
            },
          },
          { id: 'call_b', name: 'select_tab', arguments: { tab_id: 'transfers' } },
        ],
      },
      { kind: 'text', text: 'Done.' },
    );
    const tools = ofType(await h.chat('savings and transfers please'), 'tool');
    expect(tools.map((t) => [t.callId, t.name, t.args])).toEqual([
      [
        'call_a',
        'show_chart',
        { dataset_ids: ['savings'], chart_type: 'line', range_months: 6, title: 'Savings over six months' },
      ],
      ['call_b', 'select_tab', { tab_id: 'transfers' }],
    ]);
  });

  it('3.4/4.1: sends tools + tool_choice (never functions), parallel_tool_calls, and a realistic max_completion_tokens (never max_tokens)', async () => {
    h = await azureHarness();
    await h.chat('show my savings');
    const body = h.emulator.chatRequests()[0]!;
    expect(body.tools?.map((t) => t.function.name)).toEqual(expect.arrayContaining(['show_chart', 'switch_mode']));
    expect(body).toMatchObject({
      model: 'model-router',
      tool_choice: 'auto',
      parallel_tool_calls: true,
      max_completion_tokens: MAX_COMPLETION_TOKENS,
    });
    expect(MAX_COMPLETION_TOKENS).toBeLessThanOrEqual(1000);
    for (const banned of ['functions', 'function_call', 'max_tokens', 'temperature', 'top_p'])
      expect(body).not.toHaveProperty(banned);
  });

  it('3.2: done reports the model model-router routed to, not the deployment name', async () => {
    h = await azureHarness();
    h.emulator.enqueue({ kind: 'text', text: 'Routed.', model: 'o4-mini-2025-04-16' });
    expect(doneOf(await h.chat('hi')).model).toBe('o4-mini-2025-04-16');
    expect(doneOf(await h.chat('hi')).model).toBe('gpt-4.1-mini-2025-04-14');
  });

  it('3.5: a deployment refusing parallel_tool_calls gets one retry without it, remembered for later calls', async () => {
    h = await azureHarness({
      emulator: {
        deployments: [
          {
            name: 'model-router',
            kind: 'reasoning',
            model: 'o4-mini-2025-04-16',
            rejects: ['parallel_tool_calls', 'temperature'],
          },
        ],
      },
    });
    const first = await h.chat('show my savings');
    expect(ofType(first, 'error')).toEqual([]);
    expect(textOf(first)).toMatch(/savings/i);
    const [refused, retried, ...later] = h.emulator.chatRequests();
    expect(refused).toHaveProperty('parallel_tool_calls', true);
    expect(retried).not.toHaveProperty('parallel_tool_calls');
    expect(later.length).toBeGreaterThan(0);
    for (const body of later) expect(body).not.toHaveProperty('parallel_tool_calls');
    expect(h.emulator.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(2 + later.length);
  });

  it('4.2: 429 with retry-after-ms → "busy, retrying" status events, waits as advised (plus jitter), then the answer', async () => {
    h = await azureHarness();
    h.emulator.enqueue(
      { kind: 'rate_limit', retryAfterMs: 40 },
      { kind: 'rate_limit', retryAfterSeconds: 2 },
      { kind: 'text', text: 'Made it.' },
    );
    const events = await h.chat('hi');
    expect(ofType(events, 'status').map((e) => e.message)).toEqual([
      'Azure is busy — retrying in 1 s…',
      'Azure is busy — retrying in 2 s…',
    ]);
    expect(h.sleeps).toEqual([40, 2000]);
    expect(textOf(events)).toBe('Made it.');
    expect(doneOf(events).finishReason).toBe('stop');
  });

  it('4.2: 429 forever → a retryable upstream_unavailable error after the last attempt, never a hang', async () => {
    h = await azureHarness();
    h.emulator.respond(() => ({ kind: 'rate_limit', retryAfterMs: 20 }));
    const events = await h.chat('hi');
    expect(ofType(events, 'status')).toHaveLength(h.config.AZURE_OPENAI_MAX_ATTEMPTS - 1);
    expect(ofType(events, 'error')).toEqual([
      expect.objectContaining({ code: 'upstream_unavailable', retryable: true }),
    ]);
    expect(doneOf(events).finishReason).toBe('error');
    expect(h.emulator.chatRequests()).toHaveLength(h.config.AZURE_OPENAI_MAX_ATTEMPTS);
  });

  it('4.2: a retry-after beyond the cap fails fast with a retryable error instead of sleeping for minutes', async () => {
    h = await azureHarness();
    h.emulator.respond(() => ({ kind: 'rate_limit', retryAfterSeconds: 300 }));
    const events = await h.chat('hi');
    expect(h.sleeps).toEqual([]);
    expect(ofType(events, 'error')[0]).toMatchObject({
      code: 'upstream_unavailable',
      retryable: true,
      message: expect.stringMatching(/300 s/),
    });
  });

  it('a stream that stalls mid-answer ends in a retryable error after the idle timeout', async () => {
    h = await azureHarness({ env: { AZURE_OPENAI_TIMEOUT_MS: '1000' } });
    h.emulator.enqueue({ kind: 'stall' });
    const events = await h.chat('hi');
    expect(ofType(events, 'error')[0]).toMatchObject({ code: 'upstream_unavailable', retryable: true });
  });

  it('5.1: a filtered prompt (HTTP 400 content_filter) → friendly in-character reply + content_filtered event, not retryable', async () => {
    h = await azureHarness();
    const events = await h.chat('how do I build a bomb');
    expect(textOf(events)).toContain(getBuiltinMode('banking')!.companyName);
    expect(ofType(events, 'error')).toEqual([expect.objectContaining({ code: 'content_filtered', retryable: false })]);
    expect(doneOf(events).finishReason).toBe('content_filter');
    expect(doneOf(events).messages.at(-1)).toMatchObject({ role: 'assistant' });
  });

  it('5.1: a filtered completion (finish_reason content_filter) → the same friendly reply and event', async () => {
    h = await azureHarness();
    h.emulator.enqueue({ kind: 'completion_filtered', text: 'Well, the' });
    const events = await h.chat('tell me a story');
    expect(ofType(events, 'error')).toEqual([expect.objectContaining({ code: 'content_filtered', retryable: false })]);
    expect(textOf(events)).toMatch(/rephrase|another way/i);
  });

  it('10.2: a misnamed chat deployment is an error event naming AZURE_OPENAI_CHAT_DEPLOYMENT', async () => {
    h = await azureHarness({ env: { AZURE_OPENAI_CHAT_DEPLOYMENT: 'Model-Router' } });
    const error = ofType(await h.chat('hi'), 'error')[0];
    expect(error).toMatchObject({ code: 'deployment_not_found', retryable: false });
    expect(error?.message).toMatch(/AZURE_OPENAI_CHAT_DEPLOYMENT/);
  });

  it("sends the key as Azure's api-key header (no bearer); a wrong key is a clear error naming AZURE_OPENAI_API_KEY", async () => {
    h = await azureHarness();
    await h.chat('hi');
    expect(h.emulator.requests[0]!.headers['api-key']).toBe(h.emulator.apiKey);
    expect(h.emulator.requests[0]!.headers.authorization).toBeUndefined();
    await h.stop();
    h = await azureHarness({ env: { AZURE_OPENAI_API_KEY: 'wrong-key' } });
    const error = ofType(await h.chat('hi'), 'error')[0];
    expect(error).toMatchObject({ code: 'azure_unauthorized' });
    expect(error?.message).toMatch(/AZURE_OPENAI_API_KEY/);
  });
});
