import { describe, expect, it } from 'vitest';
import type { ModeSummary } from '../../../api/contracts/mode';
import type { ChartSpec } from '../../../api/contracts/tools';
import { BUILTIN_MODE_IDS } from '../../../api/contracts/mode';
import { detectIntent } from '../../../api/adapters/offline/intent';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { nextSwitch, questionsFor, suggestionsFor, TOUR } from '../../../web/src/features/chat/suggestion-list';
import { placeChart, type StageChart } from '../../../web/src/features/dashboard/use-dashboard';
import { landingModes } from '../../../web/src/features/modes/landing-modes';
import { textOn } from '../../../web/src/lib/contrast';

const spec = (ids: string[], type: ChartSpec['type'] = 'line', months = 12): ChartSpec => ({
  type,
  title: ids.join(' & '),
  series: ids.map((id) => ({
    datasetId: id,
    label: id,
    unit: 'USD',
    points: Array.from({ length: months }, (_, i) => ({ x: `2026-${String(i + 1).padStart(2, '0')}`, y: i })),
  })),
});

describe('assistant charts on the stage', () => {
  it('asking again for a chart already there updates and re-highlights it instead of adding a copy', () => {
    let stage: StageChart[] = [];
    stage = placeChart(stage, spec(['savings']), false, 'a');
    stage = placeChart(stage, spec(['checking', 'savings']), false, 'b');
    stage = placeChart(stage, spec(['savings'], 'bar', 6), false, 'c');
    stage = placeChart(stage, spec(['savings', 'checking']), false, 'd');
    expect(stage.map((c) => c.key)).toEqual(['b', 'a']);
    expect(stage.find((c) => c.key === 'a')).toMatchObject({ asked: 1, spec: { type: 'bar' } });
    expect(stage.find((c) => c.key === 'b')?.asked).toBe(1);
  });

  it('a new chart goes first and the stage keeps at most four', () => {
    let stage: StageChart[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) stage = placeChart(stage, spec([id]), false, id);
    expect(stage.map((c) => c.key)).toEqual(['e', 'd', 'c', 'b']);
  });
});

describe('suggestions', () => {
  it.each(BUILTIN_MODE_IDS)('%s: every question is one the offline engine understands', (id) => {
    const mode = getBuiltinMode(id)!;
    for (const q of questionsFor(mode)) expect(detectIntent(q, mode).kind, q).not.toBe('smalltalk');
  });

  it('offers what has not been asked yet, then the next industry of the tour', () => {
    const bank = getBuiltinMode('banking')!;
    const first = suggestionsFor(bank);
    expect(first[0]).toBe('How much is left in my checking account?');
    expect(first.at(-1)).toBe(nextSwitch('banking'));
    const later = suggestionsFor(bank, [first[0]!]);
    expect(later).not.toContain(first[0]);
    expect(later).toHaveLength(3);
  });

  it('the tour visits every pre-built mode and its phrases switch to them', () => {
    expect(TOUR.map((t) => t.id).sort()).toEqual([...BUILTIN_MODE_IDS].sort());
    const bank = getBuiltinMode('banking')!;
    for (const t of TOUR) expect(detectIntent(t.phrase, bank)).toMatchObject({ kind: 'switch' });
  });
});

describe('the landing', () => {
  const m = (id: string, source: 'builtin' | 'generated'): ModeSummary => ({
    id,
    name: id,
    companyName: id,
    primaryColor: '#123456',
    source,
  });
  it('shows every pre-built mode, three designed ones (showcase first) and keeps the rest for "more"', () => {
    const all = [
      m('banking', 'builtin'),
      m('zoo', 'generated'),
      m('bakery', 'generated'),
      m('food-bank', 'generated'),
      m('insurance', 'builtin'),
      m('gym', 'generated'),
      m('veterinary-clinic--happy-paws', 'generated'),
    ];
    const { prebuilt, curated, more } = landingModes(all);
    expect(prebuilt.map((x) => x.id)).toEqual(['banking', 'insurance']);
    expect(curated.map((x) => x.id)).toEqual(['veterinary-clinic--happy-paws', 'food-bank', 'zoo']);
    expect(more.map((x) => x.id)).toEqual(['bakery', 'gym']);
  });
});

describe('transition text colour', () => {
  it('picks the readable one of white and near-black', () => {
    expect(textOn('#1b4d8c')).toBe('#ffffff');
    expect(textOn('#ffd54f')).toBe('#111827');
  });
});
