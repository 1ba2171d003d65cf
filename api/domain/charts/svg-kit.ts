/** Small pure helpers for the chart poster SVG: escaping, text, curves, month labels, donut arcs. */

export const FONT = 'Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif';

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rounds coordinates so the SVG stays short and byte-stable. */
export const r1 = (n: number) => Math.round(n * 10) / 10;

export function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? r1(v) : esc(v)}"`)
    .join('');
  return `<text x="${r1(x)}" y="${r1(y)}"${a}>${esc(content)}</text>`;
}

/**
 * A smooth curve through the points (Catmull-Rom as cubic Béziers, tension 1/6): the poster shows
 * the series' shape, not its exact month-by-month corners.
 */
export function smoothPath(pts: readonly (readonly [number, number])[]): string {
  if (pts.length === 0) return '';
  const at = (i: number) => pts[Math.max(0, Math.min(pts.length - 1, i))]!;
  let d = `M${r1(pts[0]![0])} ${r1(pts[0]![1])}`;
  for (let i = 0; i < pts.length - 1; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${r1(c1[0]!)} ${r1(c1[1]!)} ${r1(c2[0]!)} ${r1(c2[1]!)} ${r1(p2[0])} ${r1(p2[1])}`;
  }
  return d;
}

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2025". */
export function monthShortYear(x: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(x);
  return m ? `${SHORT[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : x;
}

/** An SVG arc path for a donut slice from angle a0 to a1 (radians, 0 at 12 o'clock). */
export function donutSlice(cx: number, cy: number, outer: number, inner: number, a0: number, a1: number): string {
  const at = (rad: number, a: number) => `${r1(cx + rad * Math.sin(a))} ${r1(cy - rad * Math.cos(a))}`;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const end = a1 - a0 >= 2 * Math.PI ? a1 - 1e-4 : a1;
  return `M${at(outer, a0)}A${outer} ${outer} 0 ${large} 1 ${at(outer, end)}L${at(inner, end)}A${inner} ${inner} 0 ${large} 0 ${at(inner, a0)}Z`;
}
