import { describe, expect, it } from 'vitest';
import { detectIntent } from '../../../api/adapters/offline/intent';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';

const banking = getBuiltinMode('banking')!;

describe('offline engine intent detection', () => {
  it.each([
    ["Presto-Change-O, you're a bank", 'bank', 'banking'],
    ['presto change-o you are an insurance company', 'insurance company', 'insurance'],
    ['hey presto, turn yourself into an insurer', 'insurer', 'insurance'],
    ["Presto-Change-O, you're a hospital!", 'hospital', 'healthcare'],
    ['Presto, become an airline', 'airline', 'airline'],
    ["Presto-Change-O, you're a food bank", 'food bank', null],
    ["Presto-Change-O, you're a veterinary clinic called Happy Paws", 'veterinary clinic', null],
  ])('%s → switch %s (%s)', (text, industry, builtin) => {
    expect(detectIntent(text, banking)).toMatchObject({ kind: 'switch', industry, builtin });
  });

  it('reads a company name', () => {
    expect(detectIntent("Presto-Change-O, you're a veterinary clinic called Happy Paws", banking)).toMatchObject({
      companyName: 'Happy Paws',
    });
  });

  it.each(["let's talk about presto pasta recipes", 'presto is a tempo marking', 'what would it be like to be rich?'])(
    '%s → no switch',
    (text) => {
      expect(detectIntent(text, banking).kind).not.toBe('switch');
    },
  );

  it('maps questions to datasets', () => {
    expect(detectIntent('How much is left in my checking account?', banking)).toMatchObject({
      kind: 'chart',
      datasetIds: ['checking'],
      rangeMonths: 12,
    });
    expect(detectIntent('Show me my mortgage burndown', banking)).toMatchObject({
      kind: 'chart',
      datasetIds: ['mortgage'],
    });
    expect(detectIntent('compare checking and savings over the last year', banking)).toMatchObject({
      kind: 'chart',
      datasetIds: ['checking', 'savings'],
      rangeMonths: 12,
    });
    expect(detectIntent('my credit card over the last 6 months as bars', banking)).toMatchObject({
      kind: 'chart',
      datasetIds: ['credit_card'],
      rangeMonths: 6,
      chartType: 'bar',
    });
  });

  it('maps navigation to tabs', () => {
    expect(detectIntent('go to the transfers tab', banking)).toEqual({ kind: 'tab', tabId: 'transfers' });
    expect(detectIntent('open the mortgage tab', banking)).toEqual({ kind: 'tab', tabId: 'mortgage' });
  });
});
