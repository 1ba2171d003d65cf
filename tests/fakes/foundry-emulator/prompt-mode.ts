import type { IntentMode } from '../../../api/adapters/offline/intent';
import { BUILTIN_MODES } from '../../../api/domain/modes/catalog';

/** What the brain knows about the mode it is playing, read from the app's system prompt. */
export interface PromptMode extends IntentMode {
  companyName: string;
  metricIds: string[];
  /** Preferred chart per dataset (pre-built modes only; otherwise line). */
  defaultChart(datasetId: string): 'line' | 'bar' | 'area' | 'pie';
  /** Balance-like datasets read "stands at", flows "was". */
  isBalance(datasetId: string): boolean;
}

/**
 * Finds the current mode the way a model would: from the system prompt
 * (api/domain/prompts/system-prompt.ts). Pre-built modes come from the catalogue (with their
 * keywords); any other mode — generated ones — is parsed from the prompt's id/label lists.
 */
export function modeFromSystemPrompt(prompt: string): PromptMode | undefined {
  const head = /You are the (.+?) assistant \((.+?)\)\./.exec(prompt);
  if (!head) return undefined;
  const [, companyName = '', name = ''] = head;
  const builtin = BUILTIN_MODES.find((m) => m.companyName === companyName && m.name === name);
  if (builtin) {
    return {
      companyName,
      datasets: builtin.datasets,
      tabs: builtin.tabs,
      metricIds: builtin.metrics.map((m) => m.id),
      defaultChart: (id) => builtin.datasets.find((d) => d.id === id)?.defaultChart ?? 'line',
      isBalance: (id) => builtin.datasets.find((d) => d.id === id)?.kind === 'balance',
    };
  }
  const section = (title: RegExp) => prompt.split(title)[1]?.split(/\n(?!- )/)[0] ?? '';
  const datasets = [
    ...section(/Datasets \(id: label, latest value\):\n/).matchAll(/^- ([a-z0-9_-]+): ([^,\n]+)/gm),
  ].map((m) => ({
    id: m[1] ?? '',
    label: m[2] ?? '',
    keywords: [] as string[],
  }));
  const tabs = [...(/Tabs: (.+)\./.exec(prompt)?.[1] ?? '').matchAll(/([a-z0-9_-]+) \(([^)]+)\)/g)].map((m) => ({
    id: m[1] ?? '',
    label: m[2] ?? '',
  }));
  const metricIds = [...prompt.matchAll(/\(metric id ([a-z0-9_-]+)\)/g)].map((m) => m[1] ?? '');
  return { companyName, datasets, tabs, metricIds, defaultChart: () => 'line', isBalance: () => false };
}
