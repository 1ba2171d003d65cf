import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ChartSpec } from '../../../../api/contracts/tools';
import { randomId } from '../../lib/ids';

export interface StageChart {
  key: string;
  spec: ChartSpec;
  /** Arrived from make_chart_image: the card illustrates itself at once. */
  illustrate?: boolean;
  /** Bumped each time the assistant asks for this chart again: the card replays its highlight. */
  asked: number;
}

/** The same chart, whatever the words: the same datasets (in any order). */
export const sameChart = (a: ChartSpec, b: ChartSpec) => datasetKey(a) === datasetKey(b);

/**
 * Puts an assistant chart on stage. Asking again for a chart already there brings that card back
 * (updated to the new range or style, highlighted again) instead of stacking a copy.
 */
export function placeChart(stage: StageChart[], spec: ChartSpec, illustrate: boolean, key: string): StageChart[] {
  const existing = stage.find((c) => sameChart(c.spec, spec));
  if (existing) {
    return stage.map((c) =>
      c === existing ? { ...c, spec, illustrate: illustrate || c.illustrate, asked: c.asked + 1 } : c,
    );
  }
  return [{ key, spec, illustrate, asked: 0 }, ...stage].slice(0, STAGE_MAX);
}

/** The datasets a chart shows, as one key ("checking" or "checking,savings"). */
export const datasetKey = (spec: ChartSpec) =>
  spec.series
    .map((x) => x.datasetId)
    .sort()
    .join(',');

/** The assistant's latest chart: a card on stage, or the open tab's own card it pointed at instead. */
export interface LatestChart {
  where: 'stage' | 'tab';
  key: string;
  /** How many times the tab's card was asked for (replays its highlight). */
  asked: number;
}

/** Charts the assistant showed stay on stage, newest first, at most this many. */
const STAGE_MAX = 4;
const HIGHLIGHT_MS = 4000;

/** Dashboard state driven by tool calls: stage charts, the selected tab, highlighted KPIs. */
export function useDashboard() {
  const [stage, setStage] = useState<StageChart[]>([]);
  const [tabId, setTabId] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState<string[]>([]);
  const [latest, setLatest] = useState<LatestChart | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  /**
   * One place for an assistant chart: when the open tab already shows it (`inTab`: that tab's
   * dataset ids), its card there is brought into view and highlighted — the same as asking again for
   * a chart on stage — instead of a copy under "From your assistant". A picture asked for
   * (make_chart_image) still goes on stage, where it paints itself.
   */
  const addChart = useCallback((spec: ChartSpec, illustrate = false, inTab: readonly string[] = []) => {
    const key = datasetKey(spec);
    if (!illustrate && spec.series.length === 1 && inTab.includes(key)) {
      setLatest((l) => ({ where: 'tab', key, asked: (l?.where === 'tab' && l.key === key ? l.asked : 0) + 1 }));
      return;
    }
    setStage((s) => placeChart(s, spec, illustrate, randomId('c_')));
    setLatest({ where: 'stage', key, asked: 0 });
  }, []);

  const highlight = useCallback((ids: string[]) => {
    clearTimeout(timer.current);
    setHighlighted(ids);
    timer.current = setTimeout(() => setHighlighted([]), HIGHLIGHT_MS);
  }, []);

  /** A new mode or conversation starts with an empty stage and the mode's first tab. */
  const clear = useCallback(() => {
    setStage([]);
    setTabId(null);
    setHighlighted([]);
    setLatest(null);
  }, []);

  return { stage, tabId, highlighted, latest, addChart, selectTab: setTabId, highlight, clear };
}
