import { useState } from 'preact/hooks';
import type { ModeSummary } from '../../../../api/contracts/mode';
import { listModes } from '../../api/client';
import { Icon } from '../../lib/icon';
import { useFetch } from '../../lib/use-fetch';
import { landingModes } from './landing-modes';

/** Neutral start page: the magic phrase, the ready-made industries and a few designed ones as one-click tiles. */
export function Landing({ onPick }: { onPick: (m: ModeSummary) => void }) {
  const modes = useFetch((signal) => listModes(signal));
  const [showMore, setShowMore] = useState(false);
  const groups = modes.data ? landingModes(modes.data.modes) : null;
  const tiles = (list: ModeSummary[]) => (
    <ul class="mode-tiles">
      {list.map((m) => (
        <li key={m.id}>
          <button
            type="button"
            class="mode-tile"
            data-testid="mode-tile"
            data-mode-id={m.id}
            onClick={() => onPick(m)}
            style={{ '--tile': m.primaryColor }}
          >
            <span class="mode-tile__swatch" aria-hidden="true" />
            <span class="mode-tile__name">{m.companyName}</span>
            <span class="mode-tile__industry">
              {m.name}
              {m.source === 'generated' && <em> · generated</em>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <div class="landing">
      <section class="landing__hero" aria-labelledby="landing-title">
        <p class="landing__eyebrow">
          <Icon name="sparkle" size={16} /> Live industry demo
        </p>
        <h2 id="landing-title" class="landing__title">
          One interface. <span>Every industry.</span>
        </h2>
        <p class="landing__lead">
          Say the magic words and this whole page becomes a convincing bank, insurer, hospital or anything you can name:
          brand, colours, navigation, numbers and an assistant that knows them.
        </p>
        <figure class="magic-phrase">
          <blockquote>“Presto-Change-O, you're a bank.”</blockquote>
          <figcaption>Type it to the assistant, then ask “How much is left in my checking account?”</figcaption>
        </figure>
      </section>
      <section class="landing__modes" aria-labelledby="landing-modes-title">
        <h2 id="landing-modes-title" class="section-title">
          Or jump straight in
        </h2>
        {modes.loading && !modes.error && (
          <div class="mode-tiles" aria-busy="true" aria-label="Loading industries">
            {[0, 1, 2, 3, 4, 5].map((i) => (
              <div key={i} class="skeleton skeleton--tile" />
            ))}
          </div>
        )}
        {modes.error && (
          <div class="notice" role="alert">
            <Icon name="alert" size={18} />
            <p>Couldn't load the industries: {modes.error.message}</p>
            <button type="button" class="btn btn--small btn--outline" onClick={modes.reload}>
              Retry
            </button>
          </div>
        )}
        {groups && tiles(groups.prebuilt)}
        {modes.data?.generatedUnavailable && (
          <div class="notice" role="status" data-testid="designed-unavailable">
            <Icon name="alert" size={18} />
            <p>The modes designed by earlier visitors couldn't be loaded just now; the ready-made ones all work.</p>
            <button type="button" class="btn btn--small btn--outline" onClick={modes.reload}>
              Retry
            </button>
          </div>
        )}
        {groups && groups.curated.length > 0 && (
          <>
            <h3 class="landing__subtitle">Designed on request</h3>
            {tiles(showMore ? [...groups.curated, ...groups.more] : groups.curated)}
            {groups.more.length > 0 && (
              <button
                type="button"
                class="btn btn--small btn--outline landing__more"
                data-testid="landing-more"
                aria-expanded={showMore}
                onClick={() => setShowMore((v) => !v)}
              >
                {showMore
                  ? 'Show fewer'
                  : `${groups.more.length} more designed ${groups.more.length === 1 ? 'mode' : 'modes'}`}
              </button>
            )}
          </>
        )}
        <p class="landing__footnote">
          Then try <q>Show me my mortgage burndown</q>, <q>compare checking and savings over the last year</q> or{' '}
          <q>go to the transfers tab</q>.
        </p>
      </section>
    </div>
  );
}
