/** Pure chart geometry helpers: nice ticks and linear scales. */

export interface Domain {
  lo: number;
  hi: number;
  ticks: number[];
}

/** Tick step of 1, 2, 2.5 or 5 × 10^n giving about `count` intervals. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  return step * mag;
}

/**
 * A y domain with rounded ticks. `zero` forces the baseline to include 0 (bars, areas);
 * otherwise the range hugs the data but never crosses below 0 for non-negative data.
 * `integer` keeps ticks whole (counts cannot be 1.5). `bound` is the value's scale (0–100 for a
 * percentage): padding and rounding never carry the axis past it ("110 %" satisfaction).
 */
export function yDomain(
  values: number[],
  zero: boolean,
  count = 4,
  integer = false,
  bound?: { min: number; max: number },
): Domain {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    min = 0;
    max = 1;
  }
  if (zero) {
    min = Math.min(0, min);
    max = Math.max(0, max);
  } else {
    const pad = (max - min) * 0.15 || Math.abs(max) * 0.1 || 1;
    const floor = min >= 0 ? 0 : -Infinity;
    min = Math.max(floor, min - pad);
    max = max + pad;
  }
  if (bound) {
    min = Math.max(bound.min, min);
    max = Math.min(bound.max, max);
  }
  if (min === max) {
    if (bound && max >= bound.max) min = max - 1;
    else max = min + 1;
  }
  const step = integer ? Math.max(1, niceStep(max - min, count)) : niceStep(max - min, count);
  let lo = Math.floor(min / step) * step;
  let hi = Math.ceil(max / step) * step;
  if (bound) {
    lo = Math.max(lo, bound.min);
    hi = Math.min(hi, bound.max);
  }
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step / 1e6; t += step) ticks.push(Number(t.toPrecision(12)));
  return { lo, hi, ticks };
}

export const linear = (d0: number, d1: number, r0: number, r1: number) => (v: number) =>
  d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);

/** Which x indexes get a month label so labels stay at least `minGap` px apart. */
export function labelEvery(count: number, width: number, minGap = 54): number {
  if (count <= 1) return 1;
  return Math.max(1, Math.ceil(count / Math.max(1, Math.floor(width / minGap))));
}
