import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ChartSpec } from '../../../../api/contracts/tools';
import { randomId } from '../../lib/ids';

export interface StageChart {
  key: string;
  spec: ChartSpec;
  /** Arrived from make_chart_image: the card illustrates itself at once. */
  illustrate?: boolean;
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
    setStage((s) => [{ key: randomId('c_'), spec, illustrate }, ...s].slice(0, STAGE_MAX));
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
