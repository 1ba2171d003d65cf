import { describe, expect, it } from 'vitest';
import { ChartKey } from '../../../../api/contracts/charts';
import { Slug } from '../../../../api/contracts/common';
import { chartJobId, chartKey, modeVersion, monthOf, monthStart, stableJson } from '../../../../api/domain/charts/key';
import { modeKey } from '../../../../api/domain/modes/generation/key';
import { getBuiltinMode } from '../../../../api/domain/modes/catalog';
import type { Mode } from '../../../../api/contracts/mode';

const banking = getBuiltinMode('banking')!;
const base = {
  mode: banking,
  datasetIds: ['spending'],
  personaSeed: 7,
  model: 'gpt-image-1-mini:low:1536x1024',
  asOf: '2026-11',
};

describe('chart image keys (content hashes)', () => {
  it('are stable: the same content gives the same 32-hex key in every process and release', () => {
    const key = chartKey(base);
    expect(ChartKey.parse(key)).toBe(key);
    expect(chartKey({ ...base, mode: structuredClone(banking), datasetIds: [...base.datasetIds] })).toBe(key);
    // Pinned: if this changes, every stored image is orphaned — only ever on purpose (CHART_PROMPT_VERSION;
    // 2 since the data realism rules changed every persona's figures).
    const fixed = { id: 'demo', name: 'Demo', theme: { primary: '#112233' } } as unknown as Mode;
    expect(chartKey({ mode: fixed, datasetIds: ['a', 'b'], personaSeed: 7, model: 'm', asOf: '2026-11' })).toBe(
      'bde6428bbc7e8652ace96759d859f07f',
    );
    expect(stableJson({ b: 1, a: [2, { d: 3, c: undefined, e: 'x' }] })).toBe('{"a":[2,{"d":3,"e":"x"}],"b":1}');
  });

  it('change with every input that changes the picture: mode content, datasets and their order, seed, model, month', () => {
    const key = chartKey(base);
    const variants = [
      { ...base, mode: { ...banking, theme: { ...banking.theme, primary: '#123456' } } },
      { ...base, mode: getBuiltinMode('insurance')! },
      { ...base, datasetIds: ['checking'] },
      { ...base, datasetIds: ['spending', 'income'] },
      { ...base, datasetIds: ['income', 'spending'] },
      { ...base, personaSeed: 8 },
      { ...base, model: 'gpt-image-1-mini:medium:1536x1024' },
      { ...base, model: 'local:resvg-chart-v1' },
      { ...base, asOf: '2026-12' },
    ];
    const keys = variants.map(chartKey);
    expect(new Set([key, ...keys]).size).toBe(variants.length + 1);
  });

  it('mode versions ignore key order but not content', () => {
    const reordered = Object.fromEntries(Object.entries(banking).reverse()) as typeof banking;
    expect(modeVersion(reordered)).toBe(modeVersion(banking));
    expect(modeVersion({ ...banking, tagline: 'Another tagline.' })).not.toBe(modeVersion(banking));
  });

  it('chart job ids are valid job ids that no mode key can ever equal', () => {
    const id = chartJobId(chartKey(base));
    expect(Slug.parse(id)).toBe(id);
    expect(id).toContain('_');
    for (const [industry, company] of [
      ['chart', null],
      ['chart ' + chartKey(base), null],
      ['chart', chartKey(base)],
    ] as const) {
      expect(modeKey(industry, company)).not.toContain('_');
    }
  });

  it('months are UTC and round-trip', () => {
    expect(monthOf(new Date('2026-11-30T23:59:59Z'))).toBe('2026-11');
    expect(monthOf(monthStart('2027-01'))).toBe('2027-01');
  });
});
