/** Small pure helpers for the chart SVG: escaping, number formats, ticks, month labels. */

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

/** Tick step of 1, 2, 2.5 or 5 × 10^n giving about `count` intervals (as the dashboard's axes). */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
}

/** A y domain with round ticks; `zero` includes the baseline (bars, areas), else it hugs the data. */
export function yTicks(values: number[], zero: boolean, integer: boolean): { lo: number; hi: number; ticks: number[] } {
  let min = values.length ? Math.min(...values) : 0;
  let max = values.length ? Math.max(...values) : 1;
  if (zero) {
    min = Math.min(0, min);
    max = Math.max(0, max);
  } else {
    const pad = (max - min) * 0.15 || Math.abs(max) * 0.1 || 1;
    min = min >= 0 ? Math.max(0, min - pad) : min - pad;
    max += pad;
  }
  if (min === max) max = min + 1;
  const step = integer ? Math.max(1, niceStep(max - min, 4)) : niceStep(max - min, 4);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { lo, hi, ticks };
}

const trim = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) < 100 ? 1 : 0 });

/** Axis tick labels: $12.5k, 1.2M, 45%. Exact figures elsewhere use contracts/format. */
export function compact(value: number, unit: string): string {
  const abs = Math.abs(value);
  const num =
    abs >= 1e6
      ? `${trim(value / 1e6)}M`
      : abs >= 1e4
        ? `${trim(value / 1e3)}k`
        : value.toLocaleString('en-US', { maximumFractionDigits: abs < 10 ? 1 : 0 });
  if (unit === 'USD') return value < 0 ? `-$${num.slice(1)}` : `$${num}`;
  if (unit === 'percent') return `${num}%`;
  return num;
}

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jan ’25" at January and the first tick, "Mar" otherwise. */
export function monthTick(x: string, first: boolean): string {
  const m = /^(\d{4})-(\d{2})$/.exec(x);
  if (!m) return x;
  const short = SHORT[Number(m[2]) - 1] ?? x;
  return first || m[2] === '01' ? `${short} ’${m[1]!.slice(2)}` : short;
}

/** "Mar 2025". */
export function monthShortYear(x: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(x);
  return m ? `${SHORT[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : x;
}

/** What the y axis measures, in words. */
export function unitTitle(unit: string): string {
  const titles: Record<string, string> = {
    USD: 'US dollars',
    count: 'Count',
    percent: 'Percent',
    points: 'Points',
    kWh: 'kWh',
    miles: 'Miles',
    days: 'Days',
  };
  return titles[unit] ?? unit;
}

/** An SVG arc path for a donut slice from angle a0 to a1 (radians, 0 at 12 o'clock). */
export function donutSlice(cx: number, cy: number, outer: number, inner: number, a0: number, a1: number): string {
  const at = (rad: number, a: number) => `${r1(cx + rad * Math.sin(a))} ${r1(cy - rad * Math.cos(a))}`;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const end = a1 - a0 >= 2 * Math.PI ? a1 - 1e-4 : a1;
  return `M${at(outer, a0)}A${outer} ${outer} 0 ${large} 1 ${at(outer, end)}L${at(inner, end)}A${inner} ${inner} 0 ${large} 0 ${at(inner, a0)}Z`;
}
