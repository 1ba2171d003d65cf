import { detectIntent, type Intent } from '../../api/adapters/offline/intent';
import { getBuiltinMode } from '../../api/domain/modes/catalog';
import { CORPUS, type CorpusCase } from './intent-corpus';

export type CorpusGroup = 'commands' | 'data questions' | 'non-commands';

export function groupOf(c: CorpusCase): CorpusGroup {
  if (c.kind === 'command') return 'commands';
  if (c.kind === 'not-a-command') return 'non-commands';
  return 'data questions';
}

export function intentFor(c: CorpusCase): Intent {
  const mode = getBuiltinMode(c.mode)!;
  return detectIntent(c.text, mode, c.kind === 'follow-up' ? { previousDatasetIds: c.previous } : {});
}

/** Why a case failed, or null when the engine understood it. */
export function judge(c: CorpusCase): string | null {
  const got = intentFor(c);
  const seen = JSON.stringify(got);
  switch (c.kind) {
    case 'command': {
      if (got.kind !== 'switch') return `expected a switch, got ${seen}`;
      if (got.builtin !== c.builtin) return `expected builtin ${c.builtin}, got ${seen}`;
      if (c.industry && got.industry !== c.industry) return `expected industry ${c.industry}, got ${seen}`;
      if (c.company && got.companyName !== c.company) return `expected company ${c.company}, got ${seen}`;
      return null;
    }
    case 'data':
    case 'follow-up': {
      if (got.kind !== 'chart') return `expected a chart of ${c.datasets.join(', ')}, got ${seen}`;
      if (got.datasetIds.join() !== c.datasets.join()) return `expected ${c.datasets.join(', ')}, got ${seen}`;
      if (c.kind === 'follow-up' && c.rangeMonths && got.rangeMonths !== c.rangeMonths) return `range: ${seen}`;
      if (c.kind === 'follow-up' && c.chartType && got.chartType !== c.chartType) return `chart type: ${seen}`;
      return null;
    }
    case 'metric':
      return got.kind === 'metrics' && got.metricIds?.join() === c.metric
        ? null
        : `expected KPI ${c.metric}, got ${seen}`;
    case 'not-a-command':
      return got.kind === 'switch' ? `switched: ${seen}` : null;
  }
}

/** Share of the corpus understood, per group. */
export function corpusAccuracy(): Record<CorpusGroup, { passed: number; total: number }> {
  const out: Record<CorpusGroup, { passed: number; total: number }> = {
    commands: { passed: 0, total: 0 },
    'data questions': { passed: 0, total: 0 },
    'non-commands': { passed: 0, total: 0 },
  };
  for (const c of CORPUS) {
    const g = out[groupOf(c)];
    g.total++;
    if (judge(c) === null) g.passed++;
  }
  return out;
}
