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
export const sameChart = (a: ChartSpec, b: ChartSpec) => {
  const ids = (s: ChartSpec) =>
    s.series
      .map((x) => x.datasetId)
      .sort()
      .join(',');
  return ids(a) === ids(b);
};

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

/** Charts the assistant showed stay on stage, newest first, at most this many. */
const STAGE_MAX = 4;
const HIGHLIGHT_MS = 4000;

/** Dashboard state driven by tool calls: stage charts, the selected tab, highlighted KPIs. */
export function useDashboard() {
  const [stage, setStage] = useState<StageChart[]>([]);
  const [tabId, setTabId] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const addChart = useCallback((spec: ChartSpec, illustrate = false) => {
    setStage((s) => placeChart(s, spec, illustrate, randomId('c_')));
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
  }, []);

  return { stage, tabId, highlighted, addChart, selectTab: setTabId, highlight, clear };
}
