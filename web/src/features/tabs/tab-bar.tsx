import { useRef } from 'preact/hooks';
import type { Tab } from '../../../../api/contracts/mode';
import { Icon } from '../../lib/icon';

interface Props {
  tabs: Tab[];
  selectedId: string;
  onSelect: (id: string) => void;
}

/** The mode's bottom navigation as an ARIA tablist: arrows, Home and End move and select. */
export function TabBar({ tabs, selectedId, onSelect }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selectedId);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    const tab = tabs[next];
    if (!tab) return;
    e.preventDefault();
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`[data-tab-id="${tab.id}"]`)?.focus();
  };
  return (
    <nav class="tab-bar-wrap" aria-label="Sections">
      <div class="tab-bar" role="tablist" aria-label="Sections" data-testid="tab-bar" ref={list} onKeyDown={move}>
        {tabs.map((t) => {
          const selected = t.id === selectedId;
          return (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              class={longestWord(t.label) >= LONG_WORD ? 'tab tab--long' : 'tab'}
              data-testid="tab"
              data-tab-id={t.id}
              aria-selected={selected ? 'true' : 'false'}
              aria-controls="tab-panel"
              tabIndex={selected ? 0 : -1}
              onClick={() => onSelect(t.id)}
            >
              <Icon name={t.icon} size={20} />
              <span>{t.label}</span>
            </button>
          );
        })}
      </div>
    </nav>
  );
}

/** A word this long ("Appointments", "Vaccinations") gets a smaller face on a phone (layout.css) instead of an ellipsis. */
const LONG_WORD = 10;
const longestWord = (label: string) => Math.max(...label.split(/\s+/).map((w) => w.length));
