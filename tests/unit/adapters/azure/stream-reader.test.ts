import { describe, expect, it } from 'vitest';
import { readChatStream } from '../../../../api/adapters/azure/stream-reader';
import type { ModelChunk } from '../../../../api/domain/ports';

async function read(chunks: unknown[]): Promise<ModelChunk[]> {
  async function* source() {
    yield* chunks;
  }
  const out: ModelChunk[] = [];
  for await (const c of readChatStream(source(), 'model-router')) out.push(c);
  return out;
}

const text = (content: unknown, extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  model: 'gpt-4.1-mini-2025-04-14',
  choices: [{ index: 0, delta: { content }, finish_reason: null, content_filter_results: {} }],
  ...extra,
});
const stop = { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };

describe('readChatStream', () => {
  it('reads plain text chunks (the common shape) and the routed model', async () => {
    const out = await read([{ choices: [], prompt_filter_results: [] }, text('Hel'), text('lo'), stop]);
    expect(out.filter((c) => c.type === 'text')).toEqual([
      { type: 'text', text: 'Hel' },
      { type: 'text', text: 'lo' },
    ]);
    expect(out.at(-1)).toMatchObject({ type: 'end', finishReason: 'stop', model: 'gpt-4.1-mini-2025-04-14' });
  });

  it('skips what the schema refuses, whether or not it looks like a text chunk', async () => {
    const odd = [
      text(42),
      text('x', { model: 7 }),
      { choices: [{ index: 0.5, delta: { content: 'half' } }] },
      { choices: [{ index: null, delta: { content: 'null index' } }] },
      { choices: [{ index: 0, delta: { content: 'bad finish' }, finish_reason: 3 }] },
      { choices: [{ index: 0, delta: { content: 'bad calls', tool_calls: 'no' } }] },
      { choices: [[{ delta: { content: 'array' } }]] },
      ['not', 'an', 'object'],
      null,
    ];
    const out = await read([...odd, text('kept'), stop]);
    expect(out.filter((c) => c.type === 'text')).toEqual([{ type: 'text', text: 'kept' }]);
  });

  it('still reads what only the schema path handles: several choices, usage, tool calls', async () => {
    const out = await read([
      {
        choices: [
          { index: 1, delta: { content: 'other choice' } },
          { index: 0, delta: { content: 'first' } },
        ],
      },
      {
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: 0, id: 'call_1', function: { name: 'get_kpis', arguments: '{}' } }] },
          },
        ],
      },
      { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
      { choices: [], usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 } },
    ]);
    expect(out).toEqual([
      { type: 'text', text: 'first' },
      { type: 'tool_call', call: { id: 'call_1', type: 'function', function: { name: 'get_kpis', arguments: '{}' } } },
      {
        type: 'end',
        finishReason: 'stop',
        model: 'model-router',
        usage: { promptTokens: 10, completionTokens: 2, totalTokens: 12 },
      },
    ]);
  });

  it('turns a content filter finish into ContentFiltered on the text path too', async () => {
    await expect(
      read([
        text('a'),
        { ...text('b'), choices: [{ index: 0, delta: { content: 'b' }, finish_reason: 'content_filter' }] },
      ]),
    ).rejects.toMatchObject({ name: expect.stringMatching(/ContentFiltered/) });
  });
});
