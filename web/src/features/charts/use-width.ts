import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * Tracks an element's content width so SVG charts draw at real pixel size (crisp text, no scaling).
 * The width comes from a ResizeObserver, whose first report arrives after the frame's layout and
 * before its paint: a dashboard of chart cards is measured in one layout, where reading
 * getBoundingClientRect in each card's layout effect forced one synchronous layout per card.
 */
export function useWidth<T extends HTMLElement>(fallback = 480) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const use = (measured: number) => setWidth(Math.round(measured) || fallback);
    if (typeof ResizeObserver === 'undefined') return void use(el.getBoundingClientRect().width);
    const ro = new ResizeObserver(([entry]) => {
      if (entry) use(entry.borderBoxSize?.[0]?.inlineSize ?? entry.contentRect.width);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fallback]);
  return [ref, width] as const;
}
