import { formatValue } from '../../contracts/format';
import { periodOf, PIE_MONTHS, type ChartPicture, type PictureSeries } from './picture';
import { compact, donutSlice, esc, FONT, monthShortYear, monthTick, r1, text, unitTitle, yTicks } from './svg-kit';

/** The drawing is 768×512 (3:2, like the 1536×1024 image model output) and rasterised at 2×. */
export const SVG_WIDTH = 768;
export const SVG_HEIGHT = 512;
const LEFT_EDGE = 44;
const RIGHT = 724;
const TOP = 134;
/** Sized to stay legible when the picture is shown at card width (~450 px, 0.6×). */
const SIZE = { title: 30, sub: 17, tick: 15, legend: 16, note: 13 };

interface Plot {
  left: number;
  bottom: number;
  x(i: number): number;
  y(v: number): number;
  band: number;
}

const colourOf = (p: ChartPicture, i: number) => p.colors.series[i % p.colors.series.length] ?? p.colors.primary;

/**
 * The chart as a self-contained SVG: title, company and period, y axis with labelled gridlines
 * and unit title, month axis, the series (line, area, bar or donut) in the mode's chart colours, a
 * legend for several series and a note that it was rendered locally. Pure string building; the
 * rasteriser (adapters/charts) turns it into the PNG stored as an offline image or a fallback.
 */
export function chartSvg(p: ChartPicture): string {
  const body = p.type === 'pie' ? donut(p) : cartesian(p);
  const single = p.series.length === 1 ? p.series[0] : undefined;
  const last = single?.points.at(-1);
  const headline =
    single && last && p.type !== 'pie'
      ? text(RIGHT, 68, formatValue(last.y, single.unit), {
          'text-anchor': 'end',
          'font-size': SIZE.title,
          'font-weight': 700,
          fill: p.colors.text,
        }) +
        text(RIGHT, 96, monthShortYear(last.x), { 'text-anchor': 'end', 'font-size': SIZE.sub, fill: p.colors.muted })
      : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SVG_WIDTH}" height="${SVG_HEIGHT}" viewBox="0 0 ${SVG_WIDTH} ${SVG_HEIGHT}" font-family="${esc(FONT)}">`,
    `<rect width="${SVG_WIDTH}" height="${SVG_HEIGHT}" fill="${p.colors.background}"/>`,
    `<clipPath id="card"><rect x="16" y="16" width="${SVG_WIDTH - 32}" height="${SVG_HEIGHT - 32}" rx="18"/></clipPath>`,
    `<rect x="16" y="16" width="${SVG_WIDTH - 32}" height="${SVG_HEIGHT - 32}" rx="18" fill="${p.colors.surface}" stroke="${p.colors.muted}" stroke-opacity="0.25"/>`,
    `<rect x="16" y="16" width="${SVG_WIDTH - 32}" height="6" fill="${p.colors.primary}" clip-path="url(#card)"/>`,
    // Bold sans glyphs average ~0.56 em: long titles (up to 80 characters) shrink to fit the card.
    text(LEFT_EDGE, 68, p.title, {
      'font-size': fit(SIZE.title, headline ? 450 : 680, p.title.length),
      'font-weight': 700,
      fill: p.colors.text,
    }),
    text(LEFT_EDGE, 96, `${p.companyName} · ${periodOf(p)}`, {
      'font-size': fit(SIZE.sub, headline ? 450 : 680, p.companyName.length + 40),
      fill: p.colors.muted,
    }),
    headline,
    body,
    // Bottom right, unless a legend needs the bottom row: then top right, where no headline is.
    text(RIGHT, headline || p.series.length === 1 ? 482 : 28 + 16, 'Rendered locally by Presto-Change-O', {
      'text-anchor': 'end',
      'font-size': SIZE.note,
      fill: p.colors.muted,
    }),
    '</svg>',
  ].join('');
}

function cartesian(p: ChartPicture): string {
  const bars = p.type === 'bar';
  const months = p.series.reduce<string[]>(
    (best, s) => (s.points.length > best.length ? s.points.map((q) => q.x) : best),
    [],
  );
  const unit = p.series[0]?.unit ?? 'count';
  const dom = yTicks(
    p.series.flatMap((s) => s.points.map((q) => q.y)),
    bars || p.type === 'area',
    p.series.every((s) => s.unit === 'count'),
  );
  const labels = dom.ticks.map((t) => compact(t, unit));
  const left = LEFT_EDGE + 24 + Math.max(...labels.map((l) => l.length)) * SIZE.tick * 0.56;
  const bottom = p.series.length > 1 ? 384 : 404;
  const n = Math.max(1, months.length);
  const band = bars ? (RIGHT - left) / n : n > 1 ? (RIGHT - left) / (n - 1) : RIGHT - left;
  const plot: Plot = {
    left,
    bottom,
    band,
    x: bars ? (i) => left + (i + 0.5) * band : (i) => (n > 1 ? left + i * band : (left + RIGHT) / 2),
    y: (v) => bottom - ((v - dom.lo) / (dom.hi - dom.lo || 1)) * (bottom - TOP),
  };
  const grid = dom.ticks
    .map((t, i) => {
      const y = plot.y(t);
      return (
        `<line x1="${r1(left)}" x2="${RIGHT}" y1="${r1(y)}" y2="${r1(y)}" stroke="${p.colors.muted}" stroke-opacity="${t === 0 ? 0.6 : 0.2}"/>` +
        text(left - 10, y + 5, labels[i] ?? '', { 'text-anchor': 'end', 'font-size': SIZE.tick, fill: p.colors.muted })
      );
    })
    .join('');
  // Every other month when a label ("Dec ’25", ~4 em) would not fit its slot.
  const slot = n > 1 ? (RIGHT - left) / (bars ? n : n - 1) : RIGHT - left;
  const step = Math.max(1, Math.ceil((SIZE.tick * 4) / slot));
  const xLabels = months
    .map((m, i) =>
      (n - 1 - i) % step === 0
        ? text(plot.x(i), bottom + 24, monthTick(m, i < step), {
            'text-anchor': 'middle',
            'font-size': SIZE.tick,
            fill: p.colors.muted,
          })
        : '',
    )
    .join('');
  const axisTitles =
    text(0, 0, unitTitle(unit), {
      transform: `translate(34 ${r1((TOP + bottom) / 2)}) rotate(-90)`,
      'text-anchor': 'middle',
      'font-size': SIZE.tick,
      fill: p.colors.muted,
    }) +
    text((left + RIGHT) / 2, bottom + 48, 'Month', {
      'text-anchor': 'middle',
      'font-size': SIZE.tick,
      fill: p.colors.muted,
    });
  const marks = p.series
    .map((s, i) => (bars ? barMarks(p, s, i, plot, n) : lineMarks(p, s, i, plot, n, p.type === 'area')))
    .join('');
  return grid + xLabels + axisTitles + marks + (p.series.length > 1 ? legend(p) : '');
}

function lineMarks(p: ChartPicture, s: PictureSeries, i: number, plot: Plot, n: number, area: boolean): string {
  const offset = n - s.points.length;
  const pts = s.points.map((q, j) => [r1(plot.x(j + offset)), r1(plot.y(q.y))] as const);
  if (pts.length === 0) return '';
  const colour = colourOf(p, i);
  const d = pts.map(([x, y], j) => `${j ? 'L' : 'M'}${x} ${y}`).join('');
  const fill = area
    ? `<path d="${d}L${pts.at(-1)![0]} ${plot.bottom}L${pts[0]![0]} ${plot.bottom}Z" fill="${colour}" fill-opacity="0.16"/>`
    : '';
  const dots = pts
    .map(
      ([x, y], j) =>
        `<circle cx="${x}" cy="${y}" r="${j === pts.length - 1 ? 5.5 : 3.5}" fill="${colour}" stroke="${p.colors.surface}" stroke-width="1.5"/>`,
    )
    .join('');
  return `${fill}<path d="${d}" fill="none" stroke="${colour}" stroke-width="3" stroke-linejoin="round" stroke-linecap="round"/>${dots}`;
}

function barMarks(p: ChartPicture, s: PictureSeries, i: number, plot: Plot, n: number): string {
  const group = plot.band * 0.72;
  const width = group / p.series.length;
  const offset = n - s.points.length;
  // Bar domains always include zero (yTicks with zero=true), so bars grow from the baseline.
  const base = plot.y(0);
  return s.points
    .map((q, j) => {
      const x = plot.x(j + offset) - group / 2 + i * width;
      const y = plot.y(q.y);
      const top = Math.min(y, base);
      return `<rect x="${r1(x + 1)}" y="${r1(top)}" width="${r1(Math.max(1, width - 2))}" height="${r1(Math.abs(base - y))}" rx="3" fill="${colourOf(p, i)}"/>`;
    })
    .join('');
}

function legend(p: ChartPicture): string {
  const labels = p.series.map((s) => {
    const last = s.points.at(-1);
    return last ? `${s.label} ${formatValue(last.y, s.unit)}` : s.label;
  });
  // One row: the font shrinks until every entry fits beside its swatch.
  const size = fit(SIZE.legend, RIGHT - LEFT_EDGE - 34 * labels.length, labels.join('').length, 0.52);
  let x = LEFT_EDGE;
  return labels
    .map((label, i) => {
      const item =
        `<rect x="${r1(x)}" y="458" width="14" height="14" rx="3" fill="${colourOf(p, i)}"/>` +
        text(x + 20, 471, label, { 'font-size': size, fill: p.colors.text });
      x += 34 + label.length * size * 0.52;
      return item;
    })
    .join('');
}

/** The largest font size up to `max` at which `chars` characters fit in `width` (average glyph ≈ `em` of the size). */
function fit(max: number, width: number, chars: number, em = 0.56): number {
  return Math.max(9, Math.min(max, width / (em * Math.max(1, chars))));
}

/** One series: a slice per recent month; several: a slice per series (latest values), like the dashboard's pie. */
function donut(p: ChartPicture): string {
  const multi = p.series.length > 1;
  const only = p.series[0];
  const slices = multi
    ? p.series.map((s, i) => ({
        label: s.label,
        value: Math.max(0, s.points.at(-1)?.y ?? 0),
        unit: s.unit,
        colour: colourOf(p, i),
      }))
    : (only?.points.slice(-PIE_MONTHS) ?? []).map((q, i) => ({
        label: monthShortYear(q.x),
        value: Math.max(0, q.y),
        unit: only!.unit,
        colour: colourOf(p, i),
      }));
  const total = slices.reduce((a, s) => a + s.value, 0) || 1;
  const [cx, cy] = [210, 290];
  let angle = 0;
  const arcs = slices
    .map((s) => {
      const a1 = angle + (s.value / total) * 2 * Math.PI;
      const d = donutSlice(cx, cy, 140, 82, angle, a1);
      angle = a1;
      return `<path d="${d}" fill="${s.colour}" stroke="${p.colors.surface}" stroke-width="2"/>`;
    })
    .join('');
  const rows = slices
    .map((s, i) => {
      const y = 184 + i * 42;
      const pct = `${Math.round((s.value / total) * 100)}%`;
      return (
        `<rect x="420" y="${y - 13}" width="14" height="14" rx="3" fill="${s.colour}"/>` +
        text(444, y, s.label, { 'font-size': SIZE.legend + 1, fill: p.colors.text }) +
        text(RIGHT, y, `${formatValue(s.value, s.unit)} · ${pct}`, {
          'text-anchor': 'end',
          'font-size': SIZE.legend + 1,
          'font-weight': 700,
          fill: p.colors.text,
        })
      );
    })
    .join('');
  const centre = text(cx, cy + 6, multi ? 'Latest' : `${slices.length} months`, {
    'text-anchor': 'middle',
    'font-size': SIZE.legend + 2,
    fill: p.colors.muted,
  });
  return arcs + centre + rows;
}
