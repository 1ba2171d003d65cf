/**
 * The shareable part of the address: `?mode=<id>` opens that mode (and `&seed=` picks the customer,
 * read by use-session). The address follows the mode on screen, so what a presenter copies is what
 * the room sees.
 */
const MODE_ID = /^[a-z0-9_-]{1,48}$/;

export function linkedModeId(): string | undefined {
  const asked = new URLSearchParams(globalThis.location?.search ?? '').get('mode')?.trim().toLowerCase() ?? '';
  return MODE_ID.test(asked) ? asked : undefined;
}

export function showModeInAddress(modeId: string | null): void {
  try {
    const url = new URL(globalThis.location.href);
    if (modeId) url.searchParams.set('mode', modeId);
    else url.searchParams.delete('mode');
    if (url.href !== globalThis.location.href) globalThis.history.replaceState(globalThis.history.state, '', url);
  } catch {
    /* no location (tests) or a sandboxed frame: the link is a nicety */
  }
}
