/** Brings an element into view without jank for people who asked for reduced motion. */
export function reveal(el: Element | null, block: ScrollLogicalPosition = 'nearest'): void {
  if (!el) return;
  const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block, behavior: still ? 'auto' : 'smooth' });
}
