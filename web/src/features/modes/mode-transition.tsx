import type { Transition } from './use-mode-state';

/** Full-screen "transformation" overlay shown while a new mode loads (present only while switching). */
export function ModeTransition({ t }: { t: Transition }) {
  return (
    <div
      class="mode-transition"
      data-testid="mode-transition"
      role="status"
      aria-live="assertive"
      style={t.primary ? { '--wash': t.primary } : undefined}
    >
      <div class="mode-transition__card">
        <span class="spinner" aria-hidden="true" />
        <p class="mode-transition__eyebrow">Presto-Change-O!</p>
        <p class="mode-transition__title">Becoming {t.companyName}…</p>
      </div>
    </div>
  );
}
