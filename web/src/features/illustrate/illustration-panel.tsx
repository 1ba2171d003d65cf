import { useEffect } from 'preact/hooks';
import { API_BASE } from '../../api/client';
import type { IllustrateTarget } from './illustrate-context';
import { useChartImage } from './use-chart-image';
import './illustrate.css';

export interface IllustrationPanelProps {
  target: IllustrateTarget;
  datasetIds: string[];
  /** The card shows the picture (true) or its chart (false); the image state is kept either way. */
  visible: boolean;
  onReady: () => void;
  onFailed: () => void;
}

/**
 * The illustrated chart: "Painting your chart…" while the image is made, then the image with alt
 * text naming its figures, marked when it was rendered locally (a fallback the model's picture
 * replaces later, or the offline provider's drawing). Loaded on first use only.
 */
export function IllustrationPanel({ target, datasetIds, visible, onReady, onFailed }: IllustrationPanelProps) {
  const state = useChartImage(target, datasetIds);
  useEffect(() => {
    if (state.status === 'ready') onReady();
    if (state.status === 'failed') onFailed();
  }, [state.status]);

  if (state.status === 'painting') {
    return (
      <p class="chart-image-progress" data-testid="chart-image-progress" role="status">
        <span class="spinner spinner--small" aria-hidden="true" /> Painting your chart…
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p class="chart-image-error" role="alert">
        Couldn't paint this chart: {state.message}
        {state.retryable && ' Press Illustrate to try again.'}
      </p>
    );
  }
  const { image } = state;
  const local = image.source === 'local';
  return (
    <figure
      class="chart-image"
      data-testid="chart-image"
      data-fallback={String(image.fallback)}
      data-source={image.source}
      hidden={!visible}
    >
      <img src={`${API_BASE}${image.url}`} alt={image.alt} width={image.width} height={image.height} decoding="async" />
      {local && (
        <figcaption class="chart-image__badge" data-testid="chart-image-badge">
          {image.fallback
            ? 'Locally rendered — the illustrated version is on its way'
            : 'Locally rendered (offline mode)'}
        </figcaption>
      )}
    </figure>
  );
}
