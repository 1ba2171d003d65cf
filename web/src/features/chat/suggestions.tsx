interface Props {
  items: string[];
  disabled: boolean;
  onPick: (text: string) => void;
  /** After the conversation has started: one compact row under the last answer. */
  compact?: boolean;
}

/** Clickable prompts: the starters on an empty conversation, and what to try next after each answer. */
export function Suggestions({ items, disabled, onPick, compact }: Props) {
  const title = compact ? 'Try next' : 'Try saying';
  return (
    <div class={`suggestions${compact ? ' suggestions--compact' : ''}`} data-testid="suggestions">
      <p class="suggestions__title" id="suggestions-title">
        {title}
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
