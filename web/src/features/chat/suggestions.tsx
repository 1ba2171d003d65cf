import type { Mode } from '../../../../api/contracts/mode';

export const LANDING_SUGGESTIONS = [
  "Presto-Change-O, you're a bank",
  "Presto-Change-O, you're an insurer",
  "Presto-Change-O, you're a hospital",
];

/** Things worth asking right after a switch, built from the mode's own metrics and datasets. */
export function suggestionsFor(mode: Mode | null): string[] {
  if (!mode) return LANDING_SUGGESTIONS;
  const metric = mode.metrics[0];
  const dataset = mode.datasets.find((d) => d.kind === 'balance') ?? mode.datasets[0];
  const other = mode.id === 'insurance' ? "Presto-Change-O, you're a hospital" : "Presto-Change-O, you're an insurer";
  const out: string[] = [];
  if (metric) out.push(`What's my ${metric.label.toLowerCase()}?`);
  if (dataset) out.push(`Show my ${dataset.label.toLowerCase()} over the last 12 months`);
  out.push(other);
  return out;
}

interface Props {
  items: string[];
  disabled: boolean;
  onPick: (text: string) => void;
}

/** Clickable starter prompts shown while the conversation is empty. */
export function Suggestions({ items, disabled, onPick }: Props) {
  return (
    <div class="suggestions">
      <p class="suggestions__title" id="suggestions-title">
        Try saying
      </p>
      <ul aria-labelledby="suggestions-title">
        {items.map((s) => (
          <li key={s}>
            <button type="button" class="chip" data-testid="suggestion" disabled={disabled} onClick={() => onPick(s)}>
              “{s}”
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
