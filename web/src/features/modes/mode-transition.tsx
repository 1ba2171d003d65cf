import { brandMarkSvg } from '../header/brand-mark';
import type { Transition } from './use-mode-state';

/**
 * The transformation's show (present only while switching; see use-mode-state.ts). `wipe`: the new
 * mode is already on; a band of its colour runs out from the brand mark on the edge of the wipe and
 * the new name pops up briefly in the middle, while header, mark, navigation and cards arrive (the
 * `.app.is-revealing` rules). The slow path's loading state: `cover`, the colour sweeps over the old
 * mode carrying the new name; `reveal`, it lifts off the top. Nothing is drawn while the data loads (`wait`).
 */
export function ModeTransition({ t }: { t: Transition }) {
  if (t.phase === 'wait') return null;
  return (
    <div
      class={`mode-transition mode-transition--${t.phase}`}
      data-testid="mode-transition"
      data-phase={t.phase}
      role="status"
      aria-live="assertive"
      style={{ '--wash': t.primary ?? 'var(--primary)', '--wash-text': t.onPrimary ?? '#ffffff' }}
    >
      <div class="mode-transition__content">
        <span
          class="mode-transition__mark"
          aria-hidden="true"
          // Our own SVG, built from escaped text and fixed paths (brand-mark.ts), never markup from the API.
          dangerouslySetInnerHTML={{
            __html: brandMarkSvg({
              id: t.id ?? '',
              name: t.name ?? t.companyName,
              companyName: t.companyName,
              theme: { primary: t.primary ?? '#4338ca', onPrimary: t.onPrimary ?? '#ffffff', font: t.font },
            }),
          }}
        />
        <p class="mode-transition__eyebrow">Presto-Change-O!</p>
        <p class="mode-transition__title">{t.phase === 'cover' ? `Becoming ${t.companyName}…` : t.companyName}</p>
      </div>
    </div>
  );
}
