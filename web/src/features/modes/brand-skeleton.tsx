import type { JobBrand } from '../../../../api/contracts/jobs';
import type { Mode } from '../../../../api/contracts/mode';
import { Icon } from '../../lib/icon';

/**
 * The look of a mode still being designed (issue #12), shaped as a Mode so the header, theme and
 * tab bar take it as they are: the brand's name, colours and tabs, with nothing to chart yet.
 * Never stored, never sent to the API (chat questions asked meanwhile wait for the finished mode).
 */
export function brandMode(brand: JobBrand, id: string): Mode {
  return {
    id,
    name: brand.name,
    companyName: brand.companyName,
    tagline: brand.tagline,
    source: 'generated',
    theme: brand.theme,
    tabs: brand.tabs.map((t) => ({ ...t, datasetIds: [] })),
    metrics: [],
    datasets: [],
    persona: { role: 'customer', fields: [] },
    tone: ['friendly'],
    vocabulary: [],
    welcome: `Welcome to ${brand.companyName}.`,
    voice: 'alloy',
  };
}

/** The dashboard while its KPIs and charts are designed: the brand's welcome line, placeholders and a progress hint. */
export function BrandSkeleton({ mode }: { mode: Mode }) {
  return (
    <div class="dashboard" aria-busy="true" data-testid="brand-skeleton" aria-label={`${mode.companyName} dashboard`}>
      <section class="welcome" aria-label="Welcome">
        <div>
          <p class="welcome__eyebrow">{mode.name}</p>
          <h2 class="welcome__title">{mode.companyName}</h2>
          <p class="welcome__text">{mode.tagline}</p>
        </div>
      </section>
      <p class="brand-progress" role="status" data-testid="brand-progress">
        <span class="spinner spinner--small" aria-hidden="true" />
        <Icon name={mode.tabs[0]?.icon ?? 'sparkle'} size={18} />
        Designing {mode.companyName}'s dashboard — the KPIs and charts fill in within a few seconds.
      </p>
      <div class="kpi-grid">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} class="skeleton skeleton--kpi" />
        ))}
      </div>
      <div class="chart-grid">
        <div class="skeleton skeleton--chart" />
        <div class="skeleton skeleton--chart" />
      </div>
    </div>
  );
}
