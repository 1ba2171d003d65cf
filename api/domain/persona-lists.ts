import { formatValue } from '../contracts/format';
import type { Dataset, ListKind, ListSpec, Mode } from '../contracts/mode';
import type { ListItem, Persona, PersonaList } from '../contracts/persona';
import { hashString, mulberry32, roundTo } from './persona';

/**
 * The persona's list items (recent transactions, claims, appointments, trips, meter readings …):
 * a pure function of the mode, the persona and the day `asOf`. Items are drawn from a stream seeded
 * by (mode, persona seed, list id), so the same customer sees the same merchants and providers every
 * day; only their dates follow the clock, kept within the last weeks and the next weeks. Amounts are
 * tied to the persona's own figures (the card's recent purchases add up to part of its balance, an
 * account's row is its KPI, a meter reading is the usage chart's month).
 */

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: Date, n: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));
/** "Dec 18" — short and locale-free, so the server and every browser print the same words. */
export const shortDate = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;

export type Rand = () => number;
export const streamFor = (mode: Mode, seed: number, purpose: string): Rand =>
  mulberry32(hashString(`${mode.id}:${seed}:list:${purpose}`));
const between = (r: Rand, lo: number, hi: number) => lo + (hi - lo) * r();
const int = (r: Rand, lo: number, hi: number) => Math.floor(between(r, lo, hi + 1));
const oneOf = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** `n` distinct picks, in a seeded order. */
function some<T>(r: Rand, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]!);
  return out;
}
const money = (n: number) => formatValue(n, 'USD');
const signed = (n: number) => (n < 0 ? `−${money(-n)}` : `+${money(n)}`);
const digits = (r: Rand, n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join('');

/** Latest value of a dataset in the persona's series. */
export function latest(persona: Persona, id: string): number | undefined {
  const s = persona.series[id];
  return s?.[s.length - 1]?.y;
}

const wordsOf = (mode: Mode) => `${mode.id} ${mode.name} ${mode.vocabulary.join(' ')}`.toLowerCase();
const find = (mode: Mode, test: (d: Dataset) => boolean) => mode.datasets.find(test);
const named = (d: Dataset, re: RegExp) => re.test(`${d.id} ${d.label}`.toLowerCase());

/** The money owed on a card, or failing that the mode's main spending flow (what purchases draw on). */
function cardAnchor(mode: Mode, persona: Persona): number {
  const card = find(mode, (d) => d.unit === 'USD' && d.kind === 'balance' && named(d, /card|credit/));
  const spend = find(mode, (d) => d.unit === 'USD' && d.kind === 'flow');
  return (card && latest(persona, card.id)) || (spend && (latest(persona, spend.id) ?? 0) * 0.4) || 600;
}

/** Splits `total` into `n` cent amounts that add up to it exactly (largest first is not implied). */
function split(r: Rand, total: number, n: number): number[] {
  const weights = Array.from({ length: n }, () => 0.3 + r() ** 2 * 3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => roundTo((w / sum) * total, 2));
  const drift = roundTo(total - parts.reduce((a, b) => a + b, 0), 2);
  parts[0] = roundTo(parts[0]! + drift, 2);
  return parts;
}

/** Days before `asOf`, newest first, spread over `span` days. */
function pastDays(r: Rand, n: number, span: number): number[] {
  return Array.from({ length: n }, () => int(r, 0, span)).sort((a, b) => a - b);
}

/** Merchants with what one purchase there typically costs, so a coffee never costs like a sofa. */
const MERCHANTS: Array<[string, string, number, number]> = [
  ['Greenleaf Market', 'Groceries', 60, 180],
  ['Bluebird Coffee', 'Coffee', 4, 12],
  ['Northside Fuel', 'Fuel', 35, 75],
  ['StreamBox', 'Subscription', 9, 18],
  ['Lantern Bistro', 'Dining', 28, 95],
  ['Hearth & Home Goods', 'Home', 40, 260],
  ['Metro Transit', 'Transport', 20, 60],
  ['Corner Pharmacy', 'Health', 8, 45],
  ['Sunrise Bakery', 'Dining', 6, 24],
  ['Pinecrest Hardware', 'Home', 15, 140],
  ['Riverside Cinema', 'Entertainment', 18, 42],
  ['Skyline Electronics', 'Shopping', 80, 420],
];

/**
 * Card purchases of the current cycle, newest first. They add up to a part of what the card owes
 * (at most 65 %), each at its merchant's typical price scaled to that total within bounds.
 */
function transactions(mode: Mode, persona: Persona, asOf: Date, r: Rand): ListItem[] {
  const target = cardAnchor(mode, persona) * between(r, 0.35, 0.65);
  const picked = some(r, MERCHANTS, 8);
  const raw = picked.map(([, , lo, hi]) => between(r, lo, hi));
  const scale = Math.min(2.5, Math.max(0.4, target / raw.reduce((a, b) => a + b, 0)));
  const amounts = raw.map((x) => Math.max(1, roundTo(x * scale, 2)));
  // A small card balance keeps only the purchases that fit under it.
  while (amounts.length > 2 && amounts.reduce((a, b) => a + b, 0) > target) amounts.pop();
  const days = pastDays(r, amounts.length, 20);
  return amounts.map((spent, i) => {
    const [merchant, category] = picked[i]!;
    const amount = -spent;
    return {
      id: `t${i + 1}`,
      date: isoDay(addDays(asOf, -days[i]!)),
      title: merchant,
      detail: category,
      value: signed(amount),
      amount,
    };
  });
}

const PAYEES: Array<[string, string]> = [
  ['Oakview Apartments', 'Rent'],
  ['Jamie Lee', 'Dinner split'],
  ['Sam Carter', 'Concert tickets'],
  ['Mom', 'Birthday gift'],
  ['Brightside Daycare', 'Tuition'],
  ['Roommate — utilities', 'Shared bills'],
];

/** Money sent this month: adds up to the transfers chart's latest month when the mode has one. */
function transfers(mode: Mode, persona: Persona, asOf: Date, r: Rand): ListItem[] {
  const sent = find(mode, (d) => d.unit === 'USD' && named(d, /transfer|sent/));
  const total = (sent && latest(persona, sent.id)) || roundTo(between(r, 300, 1200), 2);
  const n = 4;
  const amounts = split(r, total, n);
  const days = pastDays(r, n, Math.max(1, asOf.getUTCDate() - 1));
  return some(r, PAYEES, n).map(([payee, memo], i) => ({
    id: `x${i + 1}`,
    date: isoDay(addDays(asOf, -days[i]!)),
    title: payee,
    detail: memo,
    value: signed(-amounts[i]!),
    amount: -amounts[i]!,
    status: 'Sent',
  }));
}

function accounts(mode: Mode, persona: Persona, asOf: Date, r: Rand): ListItem[] {
  return mode.datasets
    .filter((d) => d.unit === 'USD' && d.kind === 'balance')
    .slice(0, 5)
    .map((d, i) => {
      const amount = latest(persona, d.id) ?? 0;
      const title = d.label.replace(/\s+(balance|remaining)$/i, '');
      return {
        id: `a${i + 1}`,
        title,
        detail: `•• ${digits(r, 4)}`,
        value: money(amount),
        amount,
      };
    });
}

/**
 * What is coming due: a card statement (its balance), a loan's monthly payment (principal drawn
 * from the series plus a year's interest at a typical rate), and flows named bill, premium or
 * payment (their latest month). Due within the next three weeks, soonest first.
 */
export function bills(mode: Mode, persona: Persona, asOf: Date): ListItem[] {
  const r = streamFor(mode, persona.seed, 'bills');
  const out: Array<Omit<ListItem, 'id' | 'date'> & { due: number }> = [];
  for (const d of mode.datasets) {
    if (d.unit !== 'USD' || out.length >= 3) continue;
    const s = persona.series[d.id] ?? [];
    const last = s[s.length - 1]?.y ?? 0;
    if (d.kind === 'balance' && named(d, /card|credit/) && last > 0) {
      out.push({
        title: `${d.label.replace(/\s+balance$/i, '')} statement`,
        detail: 'Statement balance',
        amount: last,
        value: '',
        due: int(r, 6, 20),
      });
    } else if (d.series.shape === 'burndown' && last > 0) {
      const principal = Math.max(0, (s[s.length - 2]?.y ?? last) - last);
      const payment = roundTo(principal + (last * 0.055) / 12, 2);
      out.push({
        title: `${d.label.replace(/\s+(balance|remaining)$/i, '')} payment`,
        detail: 'Monthly payment',
        amount: payment,
        value: '',
        due: int(r, 3, 18),
      });
    } else if (d.kind === 'flow' && named(d, /bill|premium|payment|rent|tuition|fee/) && last > 0) {
      out.push({ title: d.label, detail: 'This month', amount: last, value: '', due: int(r, 4, 21) });
    }
  }
  return out
    .sort((a, b) => a.due - b.due)
    .map(({ due, ...b }, i) => ({
      ...b,
      id: `b${i + 1}`,
      date: isoDay(addDays(asOf, due)),
      value: money(b.amount!),
      status: 'Due',
    }));
}

const CLAIM_TITLES: Record<'insurance' | 'health', string[]> = {
  insurance: ['Windshield repair', 'Water damage — kitchen', 'Rear bumper', 'Storm damage — roof', 'Stolen bicycle'],
  health: ['Lab work', 'Primary care visit', 'Physical therapy', 'Urgent care', 'Dermatology visit'],
};

function claims(mode: Mode, persona: Persona, asOf: Date, r: Rand): ListItem[] {
  const paid = find(mode, (d) => d.unit === 'USD' && named(d, /claim/));
  const typical = paid ? Math.max(120, ...(persona.series[paid.id] ?? []).map((p) => p.y)) : 1200;
  const titles = CLAIM_TITLES[/health|patient|care|clinic/.test(wordsOf(mode)) ? 'health' : 'insurance'];
  const days = pastDays(r, 3, 80);
  const statuses = ['In review', 'Approved', 'Paid'];
  return some(r, titles, 3).map((title, i) => {
    const amount = roundTo(typical * between(r, 0.2, 0.9), 2);
    return {
      id: `c${i + 1}`,
      date: isoDay(addDays(asOf, -days[i]!)),
      title,
      detail: `Claim CLM-${digits(r, 6)}`,
      value: money(amount),
      amount,
      status: statuses[i]!,
    };
  });
}

function policies(mode: Mode, persona: Persona, asOf: Date, r: Rand): ListItem[] {
  const premiums = mode.datasets.filter((d) => d.unit === 'USD' && named(d, /premium/));
  const rows = premiums.length
    ? premiums.map((d) => ({
        title: d.label.replace(/\s*premium$/i, '') || d.label,
        amount: latest(persona, d.id) ?? 0,
      }))
    : [{ title: `${mode.name} cover`, amount: roundTo(between(r, 40, 180), 2) }];
  return rows.slice(0, 4).map((p, i) => ({
    id: `p${i + 1}`,
    date: isoDay(addDays(asOf, int(r, 20, 200))),
    title: `${p.title} policy`,
    detail: `Policy ${p.title.slice(0, 2).toUpperCase()}-${digits(r, 3)}-${digits(r, 3)} · renews`,
    value: `${money(p.amount)}/mo`,
    amount: p.amount,
    status: 'Active',
  }));
}

/** Who the appointments are with, by the words of the mode. */
function providers(mode: Mode): string[][] {
  const w = wordsOf(mode);
  if (/\bvet|pet|animal/.test(w))
    return [
      ['Annual check-up for Biscuit', 'Dr. Hale'],
      ['Vaccination booster', 'Nurse Ortiz'],
      ['Dental clean for Biscuit', 'Dr. Hale'],
    ];
  if (/food bank|pantry|volunteer|donat|charit|shelter|nonprofit/.test(w))
    return [
      ['Warehouse sorting shift', 'Main warehouse'],
      ['Mobile pantry, Eastside', 'Community center'],
      ['Holiday meal packing', 'Main warehouse'],
    ];
  if (/dent/.test(w))
    return [
      ['Cleaning and check-up', 'Dr. Varga'],
      ['Filling follow-up', 'Dr. Varga'],
      ['Orthodontic consult', 'Dr. Imai'],
    ];
  if (/salon|spa|hair|beauty/.test(w))
    return [
      ['Cut and colour', 'with Jess'],
      ['Blow-dry', 'with Marco'],
      ['Manicure', 'with Ana'],
    ];
  if (/gym|fitness|yoga|sport/.test(w))
    return [
      ['Personal training', 'with Coach Reyes'],
      ['Spin class', 'Studio 2'],
      ['Fitness assessment', 'with Coach Lee'],
    ];
  if (/health|clinic|patient|hospital|care|doctor|medic/.test(w))
    return [
      ['Annual physical', 'Dr. Amara Osei, primary care'],
      ['Skin check', 'Dr. Lena Park, dermatology'],
      ['Blood panel', 'Main Street lab'],
    ];
  return [
    [`${mode.name} consultation`, mode.companyName],
    ['Follow-up visit', mode.companyName],
    ['Review meeting', mode.companyName],
  ];
}

const TIMES = ['8:30 AM', '9:15 AM', '10:00 AM', '11:30 AM', '1:45 PM', '3:00 PM', '4:30 PM'];

function appointments(mode: Mode, _persona: Persona, asOf: Date, r: Rand): ListItem[] {
  // On different days, soonest first, the first within ten days.
  const first = int(r, 2, 10);
  const days = [first, first + int(r, 4, 14), first + int(r, 16, 35)];
  return providers(mode).map(([title, who], i) => ({
    id: `v${i + 1}`,
    date: isoDay(addDays(asOf, days[i]!)),
    title: title!,
    detail: `${oneOf(r, TIMES)} · ${who}`,
    value: '',
    status: i === 0 ? 'Confirmed' : 'Scheduled',
  }));
}

function prescriptions(mode: Mode, _persona: Persona, asOf: Date, r: Rand): ListItem[] {
  const meds = /\bvet|pet|animal/.test(wordsOf(mode))
    ? ['Heartworm chewable', 'Flea and tick drops', 'Joint supplement']
    : ['Atorvastatin 20 mg', 'Lisinopril 10 mg', 'Levothyroxine 50 mcg', 'Metformin 500 mg', 'Cetirizine 10 mg'];
  const days = Array.from({ length: 3 }, () => int(r, 1, 28)).sort((a, b) => a - b);
  return some(r, meds, 3).map((title, i) => ({
    id: `rx${i + 1}`,
    date: isoDay(addDays(asOf, days[i]!)),
    title,
    detail: `Refills left: ${int(r, 1, 5)} · 30-day supply`,
    value: '',
    status: days[i]! <= 5 ? 'Refill due' : 'Active',
  }));
}

const PRODUCTS = [
  'Wireless earbuds',
  'Running shoes',
  'Coffee grinder',
  'Linen sheets',
  'Desk lamp',
  'Backpack',
  'Water bottle',
  'Rain jacket',
];
const DISHES = [
  'Margherita pizza',
  'Pad thai for two',
  'Family taco box',
  'Sourdough loaf',
  'Flat white and croissant',
  'Caesar salad',
];

function orders(mode: Mode, persona: Persona, asOf: Date, r: Rand): ListItem[] {
  const food = /restaurant|pizz|cafe|coffee|bakery|food|menu|kitchen|diner/.test(wordsOf(mode));
  const spend = find(mode, (d) => d.unit === 'USD' && d.kind === 'flow');
  // About this month's spending, so four orders never outgrow the month's total.
  const total = roundTo((spend && latest(persona, spend.id)) || between(r, 120, 400), 2) * between(r, 0.5, 0.9);
  const amounts = split(r, roundTo(total, 2), 4);
  const days = pastDays(r, 4, 30);
  return some(r, food ? DISHES : PRODUCTS, 4).map((title, i) => ({
    id: `o${i + 1}`,
    date: isoDay(addDays(asOf, -days[i]!)),
    title,
    detail: `Order #${digits(r, 6)}`,
    value: money(amounts[i]!),
    amount: amounts[i]!,
    status: days[i]! <= 1 ? 'Processing' : days[i]! <= 4 ? 'Shipped' : 'Delivered',
  }));
}

const AIRPORTS = ['SFO', 'JFK', 'ORD', 'SEA', 'BOS', 'DEN', 'ATL', 'LAX', 'MIA', 'AUS'];

function flights(mode: Mode, _persona: Persona, asOf: Date, r: Rand): ListItem[] {
  const [home, ...away] = some(r, AIRPORTS, 4);
  const code = (mode.companyName.replace(/[^A-Za-z]/g, '').slice(0, 2) || 'AA').toUpperCase();
  const flight = () => `${code} ${int(r, 100, 1999)}`;
  const seat = () => `Seat ${int(r, 3, 34)}${oneOf(r, ['A', 'C', 'D', 'F'])}`;
  // The next trip is tomorrow, so Check in always has a flight whose check-in is open.
  const next = 1;
  const later = int(r, 12, 40);
  const past = int(r, 9, 30);
  return [
    {
      id: 'f1',
      date: isoDay(addDays(asOf, next)),
      title: `${home} → ${away[0]}`,
      detail: `${flight()} · ${oneOf(r, TIMES)} · ${seat()}`,
      value: '',
      status: 'Check-in open',
    },
    {
      id: 'f2',
      date: isoDay(addDays(asOf, later)),
      title: `${home} → ${away[1]}`,
      detail: `${flight()} · ${oneOf(r, TIMES)} · ${seat()}`,
      value: '',
      status: 'On time',
    },
    {
      id: 'f3',
      date: isoDay(addDays(asOf, -past)),
      title: `${away[2]} → ${home}`,
      detail: `${flight()} · completed`,
      value: `+${formatValue(int(r, 6, 30) * 100, 'miles')}`,
      status: 'Flown',
    },
  ];
}

function reservations(mode: Mode, _persona: Persona, asOf: Date, r: Rand): ListItem[] {
  const rooms = ['Deluxe king', 'Garden suite', 'Twin room', 'Ocean view king'];
  const days = [int(r, 5, 20), int(r, 30, 60)];
  return days.map((d, i) => {
    const nights = int(r, 1, 4);
    const amount = roundTo(nights * between(r, 140, 320), 2);
    return {
      id: `r${i + 1}`,
      date: isoDay(addDays(asOf, d)),
      title: `${oneOf(r, rooms)} · ${nights} night${nights > 1 ? 's' : ''}`,
      detail: `Confirmation ${digits(r, 8)}`,
      value: money(amount),
      amount,
      status: 'Confirmed',
    };
  });
}

/** The usage chart's own months, newest first, each read near the month's end (this month: today). */
function meterReadings(mode: Mode, persona: Persona, asOf: Date, r: Rand): ListItem[] {
  const usage = find(mode, (d) => d.unit === 'kWh') ?? find(mode, (d) => d.kind === 'flow' || d.kind === 'count');
  if (!usage) return [];
  const points = (persona.series[usage.id] ?? []).slice(-6).reverse();
  const meter = `Meter ${digits(r, 4)}-${digits(r, 3)}`;
  return points.map((p, i) => {
    const [y, m] = p.x.split('-').map(Number) as [number, number];
    const end = new Date(Date.UTC(y, m, 0));
    const read = i === 0 ? asOf : end;
    return {
      id: `m${i + 1}`,
      date: isoDay(read),
      title: `${MONTHS[m - 1]} ${y}${i === 0 ? ' (so far)' : ''}`,
      detail: `${meter} · ${i === 0 ? 'smart read' : 'actual read'}`,
      value: formatValue(p.y, usage.unit),
      amount: p.y,
    };
  });
}

/** Generic recent activity: the latest month of the mode's datasets, as events a few days apart. */
function activity(mode: Mode, persona: Persona, asOf: Date, r: Rand): ListItem[] {
  const days = pastDays(r, 5, 25);
  return mode.datasets.slice(0, 5).map((d, i) => {
    const amount = latest(persona, d.id) ?? 0;
    return {
      id: `e${i + 1}`,
      date: isoDay(addDays(asOf, -days[i]!)),
      title: `${d.label} updated`,
      detail: mode.companyName,
      value: formatValue(amount, d.unit),
      amount,
    };
  });
}

const GENERATORS: Record<ListKind, (mode: Mode, persona: Persona, asOf: Date, r: Rand) => ListItem[]> = {
  transactions,
  transfers,
  accounts,
  bills: (mode, persona, asOf) => bills(mode, persona, asOf),
  claims,
  policies,
  appointments,
  prescriptions,
  orders,
  flights,
  reservations,
  meter_readings: meterReadings,
  activity,
};

/** One list's items; empty when the persona has nothing of that kind (a bank with no card has no statement). */
export function listItems(mode: Mode, persona: Persona, spec: ListSpec, asOf: Date): ListItem[] {
  return GENERATORS[spec.kind](mode, persona, asOf, streamFor(mode, persona.seed, spec.id)).slice(0, 12);
}

export function personaLists(mode: Mode, persona: Persona, asOf: Date): PersonaList[] {
  return (mode.lists ?? []).map((l) => ({
    id: l.id,
    kind: l.kind,
    title: l.title,
    items: listItems(mode, persona, l, asOf),
  }));
}
