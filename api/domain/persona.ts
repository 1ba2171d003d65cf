import type { Dataset, Mode, PersonaField, SeriesSpec } from '../contracts/mode';
import type { Persona, Point } from '../contracts/persona';

/** Months of history drawn for every dataset; tools show any recent slice of it. */
export const HISTORY_MONTHS = 24;

const FIRST_NAMES = 'Alex Jordan Priya Marcus Elena Sam Aisha Daniel Mei Carlos Nora Tariq Grace Luca Zoe Omar';
const LAST_NAMES =
  'Rivera Chen Okafor Patel Morgan Lindqvist Haddad Brooks Nakamura Alvarez Fischer Mensah Kowalski Reyes Duval';

/** FNV-1a: a stable 32-bit hash, so a stream name always yields the same seed on every runtime. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for demo data; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One stream per purpose, so adding a dataset or field to a mode never changes the others' numbers. */
function stream(mode: Mode, seed: number, purpose: string): () => number {
  return mulberry32(hashString(`${mode.id}:${seed}:${purpose}`));
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** `n` month labels (YYYY-MM, UTC), oldest first, ending with the month of `asOf`. */
export function monthLabels(asOf: Date, n = HISTORY_MONTHS): string[] {
  const y = asOf.getUTCFullYear();
  const m = asOf.getUTCMonth();
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - (n - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * Raw monthly values. `noise` scales with the typical start value (for burndowns, with the
 * payment), so one spec reads the same for a $300k mortgage and a 2-visit month. Walks revert
 * towards their trend line so 24 months stay plausible instead of wandering off; burndowns move
 * monotonically (positive drift accumulates, e.g. a deductible met); seasonal series share one
 * phase per persona so related series (usage and bill) peak together.
 *
 * Data realism: a value that would leave its range bounces back off the bound instead of sticking
 * to it (no satisfaction flat at 100 %, no count stuck at 0); whole-number series move by at least
 * about one a month so rounding never flattens them into "1 visit every month"; and a burndown's
 * pace is capped so it never reaches its bound inside the history (a balance paid off months ago
 * would sit at $0.00 — the payoff is projected ahead instead, see chart-series.ts).
 */
export function drawSeries(spec: SeriesSpec, rand: () => number, phase: number, n = HISTORY_MONTHS): number[] {
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * rand();
  const jitter = () => rand() * 2 - 1;
  const ref = (Math.abs(spec.start[0]) + Math.abs(spec.start[1])) / 2 || 1;
  const clamp = (v: number) => Math.min(spec.max, Math.max(spec.min, v));
  const bounce = (v: number) => clamp(v < spec.min ? 2 * spec.min - v : v > spec.max ? 2 * spec.max - v : v);
  const whole = spec.decimals === 0 && spec.max - spec.min >= 2;
  const spread = whole ? Math.max(spec.noise * ref, WHOLE_SPREAD) : spec.noise * ref;
  const drawn = clamp(uniform(spec.start[0], spec.start[1]));
  // A count drawn near its floor would round to 0 month after month: keep its level above it.
  const start = whole ? clamp(Math.max(drawn, spec.min + WHOLE_FLOOR)) : drawn;
  const room = spec.drift < 0 ? start - spec.min : spec.max - start;
  const pace = Math.sign(spec.drift) * Math.min(Math.abs(spec.drift), Math.max(0, room) / (n + BURNDOWN_SPARE_MONTHS));
  const out: number[] = [];
  let value = start;
  let deviation = 0;
  let same = 0;
  for (let t = 0; t < n; t++) {
    if (spec.shape === 'burndown') {
      if (t > 0) value = clamp(value + pace * (1 + spec.noise * jitter()));
    } else {
      const trend = clamp(start + spec.drift * t);
      if (spec.shape === 'walk') {
        if (t > 0) deviation = (whole ? 0.3 : 0.6) * deviation + spread * jitter();
      } else {
        deviation = spread * (Math.sin((2 * Math.PI * t) / 12 + phase) + 0.3 * jitter());
      }
      value = bounce(trend + deviation);
      // A whole count never repeats one figure (or 0) for more than three months running: real
      // counts scatter; a quiet spell ends with an event.
      if (whole && same >= WHOLE_REPEATS) value = bounce(Math.round(value) <= spec.min ? spec.min + 1 : value + 1);
    }
    const y = roundTo(value, spec.decimals);
    same = out.length && out[out.length - 1] === y ? same + 1 : 1;
    out.push(y);
  }
  return out;
}

/** Months a whole-number series may show the same figure in a row. */
const WHOLE_REPEATS = 3;
/** The least a whole-number series moves (in its own units), so rounding leaves visible variation. */
const WHOLE_SPREAD = 1.2;
/** The least level of a whole-number series above its minimum (about one event a month). */
const WHOLE_FLOOR = 1.2;
/** A burndown keeps at least this many months of payments beyond its history. */
const BURNDOWN_SPARE_MONTHS = 12;

type Stat = Extract<PersonaField, { stat: unknown }>['stat'];

function statOf(values: readonly number[], stat: Stat, decimals: number): number {
  const last12 = values.slice(-12);
  const sum = last12.reduce((a, b) => a + b, 0);
  const latest = values[values.length - 1] ?? 0;
  switch (stat) {
    case 'last':
      return latest;
    case 'first':
      return values[0] ?? 0;
    case 'sum12':
      return roundTo(sum, decimals);
    case 'avg12':
      // One extra decimal so "1.4 visits a month" is not flattened to 1.
      return roundTo(sum / Math.max(1, last12.length), Math.min(2, decimals + 1));
    case 'change12':
      return roundTo(latest - (values[values.length - 13] ?? values[0] ?? 0), decimals);
  }
}

/**
 * The customer of a mode: a pure function of (mode.id, seed); `asOf` only labels the months, so
 * the numbers a presenter rehearsed with are the numbers on stage.
 */
export function buildPersona(mode: Mode, seed: number, asOf: Date): Persona {
  const labels = monthLabels(asOf);
  const phase = stream(mode, seed, 'season')() * 2 * Math.PI;
  const series: Record<string, Point[]> = {};
  for (const ds of mode.datasets) {
    const ys = drawSeries(ds.series, stream(mode, seed, `series:${ds.id}`), phase);
    series[ds.id] = ys.map((y, i) => ({ x: labels[i] ?? '', y }));
  }
  const fields: Record<string, number> = {};
  for (const f of mode.persona.fields) {
    if ('dataset' in f) {
      const ds = mode.datasets.find((d) => d.id === f.dataset);
      const points = series[f.dataset];
      if (ds && points)
        fields[f.path] = statOf(
          points.map((p) => p.y),
          f.stat,
          ds.series.decimals,
        );
    } else {
      const [lo, hi] = f.range;
      fields[f.path] = roundTo(lo + (hi - lo) * stream(mode, seed, `field:${f.path}`)(), f.decimals);
    }
  }
  const pick = stream(mode, seed, 'name');
  const choose = (list: string) => {
    const names = list.split(' ');
    return names[Math.floor(pick() * names.length)] ?? '';
  };
  const name = `${choose(FIRST_NAMES)} ${choose(LAST_NAMES)}`;
  return { modeId: mode.id, seed, name, fields, series };
}

/** The most recent `months` points of a dataset (all 24 when omitted), or undefined if unknown. */
export function personaSeries(persona: Persona, datasetId: string, months?: number): Point[] | undefined {
  const points = persona.series[datasetId];
  if (!points) return undefined;
  return months === undefined ? points : points.slice(-Math.max(1, Math.floor(months)));
}

/** The dataset a persona path is computed from, so a KPI card can offer "show the chart". */
export function datasetForPath(mode: Mode, path: string): Dataset | undefined {
  const field = mode.persona.fields.find((f) => f.path === path);
  return field && 'dataset' in field ? mode.datasets.find((d) => d.id === field.dataset) : undefined;
}

/** The one persona function every route reads (api/deps.ts builds it once, memoised): a mode's customer as of a month. */
export type PersonaAt = (mode: Mode, seed: number, asOf: Date) => Persona;

/** Personas kept per mode object (a pre-built mode is one object for the process's life). */
const PERSONAS_PER_MODE = 64;

/**
 * `buildPersona` remembered per mode object, seed and month: a chat turn, its tool calls and the
 * persona route all ask for the same customer, and drawing 24 months of every dataset was a
 * measurable part of each turn's CPU. Personas are treated as read-only by every caller.
 */
export function personaMemo(build: PersonaAt = buildPersona): PersonaAt {
  const byMode = new WeakMap<Mode, Map<string, Persona>>();
  return (mode, seed, asOf) => {
    const key = `${seed}@${asOf.getUTCFullYear()}-${asOf.getUTCMonth()}`;
    let personas = byMode.get(mode);
    if (!personas) byMode.set(mode, (personas = new Map<string, Persona>()));
    let persona = personas.get(key);
    if (!persona) {
      persona = build(mode, seed, asOf);
      if (personas.size >= PERSONAS_PER_MODE) personas.delete(personas.keys().next().value!);
      personas.set(key, persona);
    }
    return persona;
  };
}
