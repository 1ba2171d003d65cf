import { describe, expect, it } from 'vitest';
import { detectIntent } from '../../../api/adapters/offline/intent';
import { OfflineChatModel } from '../../../api/adapters/offline/chat-model';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';

const banking = getBuiltinMode('banking')!;

describe('offline engine: asking for a picture calls make_chart_image (issue #6)', () => {
  it.each([
    ['make me a picture of my spending', ['spending']],
    ['Illustrate my savings', ['savings']],
    ['can you draw my checking and savings?', ['checking', 'savings']],
    ['paint my mortgage', ['mortgage']],
    ['illustrate my finances', ['checking']],
  ])('"%s" → %j', (text, ids) => {
    expect(detectIntent(text, banking)).toEqual({ kind: 'illustrate', datasetIds: ids });
  });

  it('charts stay charts, tabs stay tabs and switching industries still wins', () => {
    expect(detectIntent('show me my spending', banking).kind).toBe('chart');
    expect(detectIntent("Presto-Change-O, you're a paint shop", banking).kind).toBe('switch');
    expect(detectIntent('go to the mortgage tab', banking).kind).toBe('tab');
  });

  it('emits the tool call through the same loop as Azure', async () => {
    const model = new OfflineChatModel(async (id) => getBuiltinMode(id), 0);
    const chunks = [];
    for await (const c of model.stream({
      messages: [{ role: 'user', content: 'make me a picture of my spending' }],
      tools: [],
      maxCompletionTokens: 400,
      context: { modeId: 'banking', personaSeed: 7 },
    }))
      chunks.push(c);
    expect(chunks[0]).toMatchObject({
      type: 'tool_call',
      call: { function: { name: 'make_chart_image', arguments: JSON.stringify({ dataset_ids: ['spending'] }) } },
    });
  });
});
