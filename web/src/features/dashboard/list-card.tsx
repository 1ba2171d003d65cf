import { useState } from 'preact/hooks';
import type { ListItem, PersonaList } from '../../../../api/contracts/persona';

/** Rows shown before "Show all"; a lead list stays short enough to leave the KPIs in view. */
const FOLDED = 5;
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const dayLabel = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${Number(iso.slice(8, 10))}`;

/**
 * One of the mode's lists (recent transactions, claims, appointments, trips, meter readings) as a
 * card: a real list (ul/li, each row one sentence for a screen reader), dates as <time>, money out
 * marked for the eye and in words. On a phone the value and status wrap under the title.
 */
export function ListCard({ list, lead = false }: { list: PersonaList; lead?: boolean }) {
  const [open, setOpen] = useState(false);
  const titleId = `list-${list.id}-title`;
  const rows = open ? list.items : list.items.slice(0, FOLDED);
  return (
    <section
      class={`card list-card${lead ? ' list-card--lead' : ''}`}
      aria-labelledby={titleId}
      data-testid="list-card"
      data-list-id={list.id}
      data-list-kind={list.kind}
    >
      <h3 class="list-card__title" id={titleId}>
        {list.title}
      </h3>
      {list.items.length === 0 ? (
        <p class="empty-note">Nothing here yet.</p>
      ) : (
        <ul class="list-card__rows" id={`${titleId}-rows`}>
          {rows.map((item) => (
            <Row key={item.id} item={item} />
          ))}
        </ul>
      )}
      {list.items.length > FOLDED && (
        <button
          type="button"
          class="link-btn list-card__more"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={`${titleId}-rows`}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Show fewer' : `Show all ${list.items.length}`}
        </button>
      )}
    </section>
  );
}

function Row({ item }: { item: ListItem }) {
  const out = item.amount !== undefined && item.amount < 0;
  return (
    <li class={`list-row${item.date ? '' : ' list-row--undated'}`} data-testid="list-row">
      {item.date && (
        <time class="list-row__date" dateTime={item.date}>
          {dayLabel(item.date)}
        </time>
      )}
      <span class="list-row__main">
        <span class="list-row__title">{item.title}</span>
        {item.detail && <span class="list-row__detail">{item.detail}</span>}
      </span>
      <span class="list-row__end">
        {item.value && (
          <span class={`list-row__value${out ? ' is-out' : ''}`} data-testid="list-value">
            {out && <span class="sr-only">paid </span>}
            {item.value}
          </span>
        )}
        {item.status && <span class="list-row__status">{item.status}</span>}
      </span>
    </li>
  );
}
