import type { ComponentType } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { ChartSpec } from '../../../../api/contracts/tools';
import { IllustrateContext } from './illustrate-context';
import type { IllustrationPanelProps } from './illustration-panel';

type Phase = 'idle' | 'painting' | 'ready' | 'failed';

/**
 * The eager part of "Illustrate" on a chart card: the button and the switch between the chart and
 * its picture. Everything else (API calls, polling, the image card) is in a chunk loaded on first
 * use, which keeps the initial bundle within its budget. `auto` starts at once (make_chart_image).
 */
export function useIllustrate(spec: ChartSpec, auto = false) {
  const target = useContext(IllustrateContext);
  const [phase, setPhase] = useState<Phase>(auto ? 'painting' : 'idle');
  const [showPicture, setShowPicture] = useState(true);
  // A new attempt remounts the panel, which asks POST /api/charts again.
  const [attempt, setAttempt] = useState(0);
  const [Panel, setPanel] = useState<ComponentType<IllustrationPanelProps> | null>(null);
  useEffect(() => {
    if (phase === 'idle' || Panel) return;
    let live = true;
    void import('./illustration-panel').then((m) => live && setPanel(() => m.IllustrationPanel));
    return () => void (live = false);
  }, [phase, Panel]);
  if (!target) return { button: null, panel: null, covering: false };

  const ready = phase === 'ready';
  const label = ready ? (showPicture ? 'Show chart' : 'Show picture') : 'Illustrate';
  const button = (
    <button
      type="button"
      class="btn btn--small btn--outline chart-card__illustrate"
      data-testid="illustrate"
      aria-label={ready ? `${label}: ${spec.title}` : `Illustrate ${spec.title}`}
      aria-busy={phase === 'painting'}
      disabled={phase === 'painting'}
      onClick={() => {
        if (ready) return setShowPicture((v) => !v);
        setAttempt((n) => n + 1);
        setPhase('painting');
      }}
    >
      {label}
    </button>
  );
  const datasetIds = spec.series.map((s) => s.datasetId);
  const panel =
    phase === 'idle' ? null : Panel ? (
      <Panel
        key={attempt}
        target={target}
        datasetIds={datasetIds}
        visible={showPicture}
        onReady={() => setPhase('ready')}
        onFailed={() => setPhase('failed')}
      />
    ) : (
      <p class="chart-image-progress" data-testid="chart-image-progress" role="status">
        <span class="spinner spinner--small" aria-hidden="true" /> Painting your chart…
      </p>
    );
  return { button, panel, covering: ready && showPicture };
}
