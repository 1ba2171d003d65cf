import type { Mode } from '../../../../api/contracts/mode';

export const LANDING_SUGGESTIONS = [
  "Presto-Change-O, you're a bank",
  "Presto-Change-O, you're an insurer",
  "Presto-Change-O, you're a hospital",
];

/** Things worth asking right after a switch, built from the mode's own datasets. */
export function suggestionsFor(mode: Mode | null): string[] {
  if (!mode) return LANDING_SUGGESTIONS;
  const balance = mode.datasets.find((d) => d.kind === 'balance') ?? mode.datasets[0];
  const flow = mode.datasets.find((d) => d.kind === 'flow' && d !== balance);
  const out: string[] = [];
  if (mode.datasets.some((d) => d.id === 'checking')) out.push('How much is left in my checking account?');
  else if (balance) out.push(`How is my ${balance.label.toLowerCase()} trending?`);
  if (flow) out.push(`Chart my ${flow.label.toLowerCase()} over the last 12 months`);
  out.push(mode.id === 'insurance' ? "Presto-Change-O, you're a hospital" : "Presto-Change-O, you're an insurer");
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
