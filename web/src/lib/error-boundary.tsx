import { Component, type ComponentChildren } from 'preact';

interface Props {
  /** What the panel is, for the message ("The dashboard hit a problem"). */
  label: string;
  /** A change of this value (a new mode, a new tab) clears the error and renders again. */
  resetKey?: unknown;
  children?: ComponentChildren;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Keeps a bug in one panel from blanking the whole page: the rest of the app (above all the chat)
 * stays usable, and the panel offers to try again or reload. Preact calls getDerivedStateFromError
 * for errors thrown while rendering its children (https://preactjs.com/guide/v10/components#error-boundaries).
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: undefined };

  static override getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static override getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // A new mode or tab is a new chance: forget the old failure.
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown): void {
    console.error(`${this.props.label} failed to render`, error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div class="panel-error" role="alert">
        <p class="panel-error__title">{this.props.label} hit a problem and could not be shown.</p>
        <p class="panel-error__hint">The rest of the page still works. Try again, or reload to start fresh.</p>
        <div class="panel-error__actions">
          <button type="button" class="btn btn--primary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" class="btn btn--outline" onClick={() => location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
