import { describe, expect, it } from 'vitest';
import { corpusAccuracy, groupOf, judge } from '../../bench/intent-accuracy';
import { CORPUS } from '../../bench/intent-corpus';
import { BUILTIN_MODES } from '../../../api/domain/modes/catalog';

describe('the offline engine understands people (tests/bench/intent-corpus.ts)', () => {
  it('the corpus has at least 150 utterances across every pre-built mode and every kind', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    for (const m of BUILTIN_MODES)
      expect(CORPUS.filter((c) => c.mode === m.id).length, m.id).toBeGreaterThanOrEqual(10);
    for (const kind of ['command', 'data', 'metric', 'follow-up', 'not-a-command'])
      expect(
        CORPUS.some((c) => c.kind === kind),
        kind,
      ).toBe(true);
  });

  it.each(CORPUS.map((c) => [`${groupOf(c)} · ${c.mode} · ${c.text}`, c] as const))('%s', (_name, c) => {
    expect(judge(c)).toBeNull();
  });

  it('meets the targets: ≥ 95 % of commands and data questions, every non-command left alone', () => {
    const a = corpusAccuracy();
    expect(a.commands.passed / a.commands.total).toBeGreaterThanOrEqual(0.95);
    expect(a['data questions'].passed / a['data questions'].total).toBeGreaterThanOrEqual(0.95);
    expect(a['non-commands'].passed).toBe(a['non-commands'].total);
  });

  it('every dataset and KPI of every pre-built mode carries everyday phrasings', () => {
    for (const mode of BUILTIN_MODES) {
      for (const d of mode.datasets) expect(d.phrasings?.length ?? 0, `${mode.id}.${d.id}`).toBeGreaterThanOrEqual(3);
      for (const m of mode.metrics)
        expect(m.phrasings?.length ?? 0, `${mode.id} KPI ${m.id}`).toBeGreaterThanOrEqual(1);
    }
  });
});
