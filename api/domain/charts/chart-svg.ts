import { changeOf, formatValue } from '../../contracts/format';
import type { Point } from '../../contracts/persona';
import { monthName, periodOf, PIE_MONTHS, type ChartPicture, type PictureSeries } from './picture';
import { donutSlice, esc, FONT, monthShortYear, r1, smoothPath, text } from './svg-kit';

/** The drawing is 768×512 (3:2, like the 1536×1024 image model output) and rasterised at 2×. */
export const SVG_WIDTH = 768;
export const SVG_HEIGHT = 512;
const EDGE = 48;
const RIGHT = SVG_WIDTH - EDGE;
/** The shape of the series fills the lower part of the poster, under the headline. */
const SHAPE = { top: 282, bottom: 430 };
/** Share of the width the recorded months take when a payoff projection follows them. */
const PAST_SHARE = 0.56;
/** Sized to stay legible when the poster is shown at card width (~450 px, 0.6×) or smaller. */
const SIZE = { kicker: 18, title: 34, headline: 80, sub: 21, note: 14, tag: 19 };

const colourOf = (p: ChartPicture, i: number) => p.colors.series[i % p.colors.series.length] ?? p.colors.primary;

/**
 * The offline "Illustrate" picture: a poster, not a second copy of the chart. One title, the
 * headline figure large, the simplified shape of the series (no axes or gridlines), one or two
 * annotations — the high and low, the change over the period or the payoff month — in the mode's
 * colours, at the image model's 3:2 so the card keeps its height. Pure string building; the
 * rasteriser (adapters/charts) turns it into the PNG stored as an offline image or a fallback.
 */
export function chartSvg(p: ChartPicture): string {
  const lead = p.series[0];
  const last = lead?.points.at(-1);
  const several = p.series.length > 1;
  const figure = lead && last ? formatValue(last.y, lead.unit) : '—';
  const body = p.type === 'pie' ? donut(p) : shape(p);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SVG_WIDTH}" height="${SVG_HEIGHT}" viewBox="0 0 ${SVG_WIDTH} ${SVG_HEIGHT}" font-family="${esc(FONT)}">`,
    `<defs><linearGradient id="wash" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.colors.surface}"/><stop offset="1" stop-color="${p.colors.background}"/></linearGradient>`,
    `<linearGradient id="fill" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colourOf(p, 0)}" stop-opacity="0.34"/><stop offset="1" stop-color="${colourOf(p, 0)}" stop-opacity="0.04"/></linearGradient></defs>`,
    `<rect width="${SVG_WIDTH}" height="${SVG_HEIGHT}" fill="url(#wash)"/>`,
    // A band of the brand colour down the left edge, and one soft disc behind the figure.
    `<rect width="14" height="${SVG_HEIGHT}" fill="${p.colors.primary}"/>`,
    `<circle cx="${RIGHT - 40}" cy="96" r="150" fill="${p.colors.primary}" fill-opacity="0.06"/>`,
    text(EDGE, 62, p.companyName.toUpperCase(), {
      'font-size': SIZE.kicker,
      'font-weight': 700,
      'letter-spacing': 1.6,
      fill: p.colors.primary,
    }),
    // Bold sans glyphs average ~0.56 em: long titles (up to 80 characters) shrink to fit.
    text(EDGE, 100, p.title, {
      'font-size': fit(SIZE.title, RIGHT - EDGE, p.title.length),
      'font-weight': 700,
      fill: p.colors.text,
    }),
    text(EDGE, 192, figure, {
      'font-size': SIZE.headline,
      'font-weight': 800,
      'letter-spacing': -2,
      fill: p.colors.text,
      'data-role': 'headline',
    }),
    text(EDGE, 230, several ? alsoLine(p) : asOf(lead), {
      'font-size': fit(SIZE.sub, RIGHT - EDGE, (several ? alsoLine(p) : asOf(lead)).length, 0.5),
      fill: p.colors.muted,
    }),
    lead ? tag(p, lead) : '',
    body,
    text(EDGE, 462, periodOf(p), { 'font-size': SIZE.note, fill: p.colors.muted }),
    text(RIGHT, 482, 'Rendered locally by Presto-Change-O', {
      'text-anchor': 'end',
      'font-size': SIZE.note,
      fill: p.colors.muted,
    }),
    '</svg>',
  ].join('');
}

/** "December 2026, month to date" for an unfinished flow, "as of December 2026" for a balance. */
function asOf(s: PictureSeries | undefined): string {
  const last = s?.points.at(-1);
  if (!s || !last) return '';
  return s.toDate ? `${monthName(last.x)}, month to date` : `As of ${monthName(last.x)}`;
}

/** With several series, the others' latest figures under the headline ("Savings balance $23.5k"). */
function alsoLine(p: ChartPicture): string {
  return p.series
    .map((s) => {
      const last = s.points.at(-1);
      return last ? `${s.label} ${formatValue(last.y, s.unit)}` : s.label;
    })
    .join(' · ');
}

/**
 * The annotation beside the headline: the payoff month of a balance being paid down, else the
 * change over the period by the same rules as the KPI cards (points for percentages, absolute
 * changes on tiny or zero bases).
 */
function tag(p: ChartPicture, s: PictureSeries): string {
  const first = s.points[0];
  const last = s.points.at(-1);
  if (!first || !last) return '';
  const payoff = s.payoff?.month;
  let label: string;
  if (payoff) label = `Paid off by ${monthShortYear(payoff)}`;
  else {
    const change = changeOf(first.y, last.y, s.unit);
    if (!change) return '';
    const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '●';
    label = change.direction === 'flat' ? 'Level over the year' : `${arrow} ${change.text} over the period`;
  }
  const width = label.length * SIZE.tag * 0.56 + 28;
  const x = RIGHT - width;
  return (
    `<g data-role="annotation"><rect x="${r1(x)}" y="150" width="${r1(width)}" height="34" rx="17" fill="${p.colors.primary}"/>` +
    text(x + width / 2, 172, label, {
      'text-anchor': 'middle',
      'font-size': SIZE.tag,
      'font-weight': 700,
      fill: p.colors.surface,
    }) +
    '</g>'
  );
}

/**
 * The series as a smooth silhouette zoomed to its movement (or soft columns from zero for bars),
 * with its high and low marked; a balance being paid down instead runs on, dashed, to zero at
 * its payoff month.
 */
function shape(p: ChartPicture): string {
  const all = p.series.flatMap((s) => s.points.map((q) => q.y));
  if (all.length === 0) return '';
  const lead = p.series[0]!;
  const bars = p.type === 'bar' && !p.series[1];
  const payoff = p.series.length === 1 && !bars ? lead.payoff : undefined;
  const [min, max] = [Math.min(...all), Math.max(...all)];
  const lo =
    bars || payoff ? Math.min(0, min) : Math.max(min >= 0 ? 0 : -Infinity, min - (max - min || max || 1) * 0.7);
  const hi = max > lo ? max : lo + 1;
  const y = (v: number) => SHAPE.bottom - ((v - lo) / (hi - lo)) * (SHAPE.bottom - SHAPE.top);
  const n = Math.max(...p.series.map((s) => s.points.length));
  const end = payoff ? EDGE + (RIGHT - EDGE) * PAST_SHARE : RIGHT;
  const slot = (end - EDGE) / Math.max(1, n);
  const x = bars
    ? (i: number) => EDGE + (i + 0.5) * slot
    : (i: number) => (n > 1 ? EDGE + (i / (n - 1)) * (end - EDGE) : (EDGE + end) / 2);
  const marks = p.series
    .map((s, i) => {
      const offset = n - s.points.length;
      const pts = s.points.map((q, j) => [x(j + offset), y(q.y)] as [number, number]);
      if (bars) return columns(p, pts, y(Math.max(lo, 0)), slot);
      const line = smoothPath(pts);
      const fill =
        i === 0 && pts.length > 1
          ? `<path d="${line}L${r1(pts.at(-1)![0])} ${SHAPE.bottom}L${r1(pts[0]![0])} ${SHAPE.bottom}Z" fill="url(#fill)"/>`
          : '';
      return `${fill}<path d="${line}" fill="none" stroke="${colourOf(p, i)}" stroke-width="${i === 0 ? 5 : 3.5}" stroke-linecap="round" stroke-linejoin="round"${i === 0 ? '' : ' stroke-opacity="0.85"'}/>`;
    })
    .join('');
  const baseline = `<line x1="${EDGE}" x2="${RIGHT}" y1="${SHAPE.bottom}" y2="${SHAPE.bottom}" stroke="${p.colors.muted}" stroke-opacity="0.35"/>`;
  const from = lead.points.at(-1);
  if (payoff && from) return baseline + marks + projection(p, [end, y(from.y)], payoff.month);
  // Columns leave no room under a low one for its label: bars name only their high.
  return baseline + marks + extremes(p, lead, (j) => x(j + n - lead.points.length), y, !bars);
}

/** The dashed road from the last recorded month to zero at the payoff month, named at its end. */
function projection(p: ChartPicture, from: [number, number], month: string): string {
  const colour = colourOf(p, 0);
  return (
    `<path d="M${r1(from[0])} ${r1(from[1])}L${RIGHT} ${SHAPE.bottom}" fill="none" stroke="${colour}" stroke-width="4" stroke-dasharray="10 9" stroke-linecap="round" data-role="projection"/>` +
    `<circle cx="${r1(from[0])}" cy="${r1(from[1])}" r="7" fill="${colour}" stroke="${p.colors.surface}" stroke-width="2.5"/>` +
    `<circle cx="${RIGHT}" cy="${SHAPE.bottom}" r="7" fill="${p.colors.surface}" stroke="${colour}" stroke-width="3.5"/>` +
    text(RIGHT, SHAPE.bottom - 18, `$0 · ${monthShortYear(month)}`, {
      'text-anchor': 'end',
      'font-size': SIZE.tag,
      'font-weight': 700,
      fill: p.colors.text,
      'data-role': 'annotation',
    })
  );
}

function columns(p: ChartPicture, pts: [number, number][], base: number, slot: number): string {
  const width = Math.min(30, slot * 0.5);
  return pts
    .map(([cx, cy]) => {
      const top = Math.min(cy, base - 3);
      return `<rect x="${r1(cx - width / 2)}" y="${r1(top)}" width="${r1(width)}" height="${r1(base - top)}" rx="${r1(width / 2.4)}" fill="${colourOf(p, 0)}" fill-opacity="0.82"/>`;
    })
    .join('');
}

/** Dots at the high (and the low) of the lead series, each named with its figure and month. */
function extremes(
  p: ChartPicture,
  s: PictureSeries,
  x: (j: number) => number,
  y: (v: number) => number,
  withLow: boolean,
): string {
  if (s.points.length < 3) return '';
  const index = (pick: (a: Point, b: Point) => boolean) =>
    s.points.reduce((best, q, j) => (pick(q, s.points[best]!) ? j : best), 0);
  const high = index((a, b) => a.y > b.y);
  const low = index((a, b) => a.y < b.y);
  if (s.points[high]!.y === s.points[low]!.y) return '';
  const marks: [number, string, number][] = [[high, 'High', -16]];
  if (withLow) marks.push([low, 'Low', 28]);
  return marks
    .map(([j, word, dy]) => {
      const q = s.points[j]!;
      const cx = x(j);
      const cy = y(q.y);
      const anchor = cx < EDGE + 90 ? 'start' : cx > RIGHT - 90 ? 'end' : 'middle';
      return (
        `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="6.5" fill="${p.colors.surface}" stroke="${colourOf(p, 0)}" stroke-width="3.5"/>` +
        text(cx, Math.min(SHAPE.bottom + 30, cy + dy), `${word} ${formatValue(q.y, s.unit)} · ${monthShortYear(q.x)}`, {
          'text-anchor': anchor,
          'font-size': SIZE.tag,
          'font-weight': 700,
          fill: p.colors.text,
          'data-role': 'annotation',
        })
      );
    })
    .join('');
}

/** The largest font size up to `max` at which `chars` characters fit in `width` (average glyph ≈ `em` of the size). */
function fit(max: number, width: number, chars: number, em = 0.56): number {
  return Math.max(9, Math.min(max, width / (em * Math.max(1, chars))));
}

/** A pie as a plain ring of the recent months (or of each series' latest value), largest slice named. */
function donut(p: ChartPicture): string {
  const multi = p.series.length > 1;
  const only = p.series[0];
  const slices = multi
    ? p.series.map((s, i) => ({ label: s.label, value: Math.max(0, s.points.at(-1)?.y ?? 0), colour: colourOf(p, i) }))
    : (only?.points.slice(-PIE_MONTHS) ?? []).map((q, i) => ({
        label: monthShortYear(q.x),
        value: Math.max(0, q.y),
        colour: colourOf(p, i),
      }));
  const total = slices.reduce((a, s) => a + s.value, 0) || 1;
  const [cx, cy] = [RIGHT - 110, 340];
  let angle = 0;
  const arcs = slices
    .map((s) => {
      const a1 = angle + (s.value / total) * 2 * Math.PI;
      const d = donutSlice(cx, cy, 100, 62, angle, a1);
      angle = a1;
      return `<path d="${d}" fill="${s.colour}" stroke="${p.colors.surface}" stroke-width="3"/>`;
    })
    .join('');
  const top = slices.reduce((a, s) => (s.value > a.value ? s : a), slices[0]!);
  const note = top
    ? text(EDGE, 340, `Largest: ${top.label}, ${Math.round((top.value / total) * 100)}% of the total`, {
        'font-size': SIZE.sub + 3,
        'font-weight': 700,
        fill: p.colors.text,
        'data-role': 'annotation',
      })
    : '';
  return arcs + note;
}
