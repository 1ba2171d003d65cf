import { formatValue } from '../contracts/format';
import type { ActionSpec, ListKind, Mode } from '../contracts/mode';
import type { ActionQuote, ListItem, Persona, PersonaList } from '../contracts/persona';
import { roundTo } from './persona';
import { addDays, bills, isoDay, latest, listItems, shortDate } from './persona-lists';

/**
 * What each primary action's confirmation says, from the persona's own numbers: Pay shows the
 * amount due, its due date and the account it comes from; Check in the next flight; Refill the
 * prescription that is due. Demo actions: nothing is sent anywhere, and the copy says so.
 */

const money = (n: number) => formatValue(n, 'USD');
const NO_MONEY = 'Demo: no money moves.';

interface Context {
  mode: Mode;
  persona: Persona;
  asOf: Date;
  lists: PersonaList[];
}

/** The persona's items of a kind: from the mode's own list when it shows one, else drawn the same way. */
function itemsOf(c: Context, kind: ListKind): ListItem[] {
  const shown = c.lists.find((l) => l.kind === kind);
  if (shown) return shown.items;
  return listItems(c.mode, c.persona, { id: kind, kind, title: kind }, c.asOf);
}

/** The everyday account money is paid from: checking (or the first cash balance), with its masked number. */
function fromAccount(c: Context): { label: string; balance?: number } {
  // Only a mode that shows accounts has one to pay from; elsewhere (an insurer) it is the card on file.
  const accounts = c.lists.find((l) => l.kind === 'accounts')?.items ?? [];
  const spendable = accounts.find((a) => /check|current|everyday|spending/i.test(a.title)) ?? accounts[0];
  return spendable
    ? { label: `${spendable.title} ${spendable.detail}`, balance: spendable.amount }
    : { label: `Card on file •• ${String(1000 + (((c.persona.seed * 2654435761) >>> 0) % 9000))}` };
}

/** Words of an action's id and label ("pay_card", "Pay premium") that name what it pays. */
const payWords = (a: ActionSpec) =>
  `${a.id} ${a.label}`
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2 && w !== 'pay');

function pay(c: Context, a: ActionSpec): Omit<ActionQuote, 'id' | 'kind' | 'label'> {
  const due = bills(c.mode, c.persona, c.asOf);
  // "Pay card" pays the card statement, "Pay premium" a premium; otherwise the bill due soonest.
  const bill = due.find((b) => payWords(a).some((w) => b.title.toLowerCase().includes(w))) ?? due[0];
  const amount = bill?.amount ?? roundTo(Math.max(25, (latest(c.persona, c.mode.datasets[0]!.id) ?? 100) * 0.1), 2);
  const dueDate = bill?.date ?? isoDay(addDays(c.asOf, 14));
  const payee = bill?.title ?? `${c.mode.companyName} balance`;
  const from = fromAccount(c);
  return {
    title: `${a.label}: ${payee}`,
    lines: [
      { label: 'Amount due', value: money(amount) },
      { label: 'Due date', value: shortDate(dueDate) },
      { label: 'From', value: from.label },
    ],
    confirmLabel: `Pay ${money(amount)}`,
    done: `Payment of ${money(amount)} for ${payee.toLowerCase()} scheduled for ${shortDate(dueDate)} from ${from.label}.`,
    demoNote: NO_MONEY,
  };
}

function transfer(c: Context): Omit<ActionQuote, 'id' | 'kind' | 'label'> {
  const accounts = c.lists.find((l) => l.kind === 'accounts')?.items ?? [];
  const from = fromAccount(c);
  const to =
    accounts.find((x) => /sav/i.test(x.title)) ?? accounts.find((x) => `${x.title} ${x.detail}` !== from.label);
  const toLabel = to ? `${to.title} ${to.detail}` : 'Savings';
  // A round tenth of what is in checking, never more than it holds.
  const amount = Math.max(50, Math.floor(((from.balance ?? 1000) * 0.1) / 50) * 50);
  return {
    title: 'Transfer between your accounts',
    lines: [
      { label: 'From', value: from.label },
      { label: 'To', value: toLabel },
      { label: 'Amount', value: money(amount) },
      { label: 'Arrives', value: 'Today' },
    ],
    confirmLabel: `Transfer ${money(amount)}`,
    done: `${money(amount)} moved from ${from.label} to ${toLabel}.`,
    demoNote: NO_MONEY,
  };
}

function fileClaim(c: Context): Omit<ActionQuote, 'id' | 'kind' | 'label'> {
  // The policy people claim on most (auto or home), not a life policy.
  const policies = itemsOf(c, 'policies');
  const policy = policies.find((p) => !/life/i.test(p.title)) ?? policies[0];
  const name = policy?.title ?? `${c.mode.name} cover`;
  const number = `CLM-${String(100000 + ((c.persona.seed * 7919 + c.asOf.getUTCDate()) % 900000))}`;
  return {
    title: 'File a claim',
    lines: [
      { label: 'Policy', value: name },
      { label: 'Claim number', value: number },
      { label: 'Date of loss', value: shortDate(isoDay(c.asOf)) },
      { label: 'Next step', value: 'An adjuster calls within 1 business day' },
    ],
    confirmLabel: 'Start claim',
    done: `Claim ${number} is open on your ${name.toLowerCase()}; an adjuster will call within one business day.`,
    demoNote: 'Demo: no claim is filed.',
  };
}

function book(c: Context, a: ActionSpec): Omit<ActionQuote, 'id' | 'kind' | 'label'> {
  const flight = c.lists.find((l) => l.kind === 'flights')?.items[1];
  if (flight) {
    const [route] = flight.title.split(' · ');
    const fare = roundTo((latest(c.persona, 'travel_spend') ?? 480) * 0.6, 2);
    const day = isoDay(addDays(c.asOf, 21));
    return {
      title: 'Book a flight',
      lines: [
        { label: 'Route', value: route ?? flight.title },
        { label: 'Departs', value: `${shortDate(day)} · 9:15 AM` },
        { label: 'Fare', value: money(fare) },
      ],
      confirmLabel: `Book for ${money(fare)}`,
      done: `Booked: ${route} on ${shortDate(day)} for ${money(fare)}. It is in your trips.`,
      demoNote: 'Demo: nothing is booked or charged.',
    };
  }
  const next = itemsOf(c, 'appointments')[0];
  const day = isoDay(addDays(c.asOf, 3));
  const what = next?.title ?? `${c.mode.name} appointment`;
  return {
    title: a.label,
    lines: [
      { label: 'Appointment', value: what },
      { label: 'When', value: `${shortDate(day)} · 10:30 AM` },
      { label: 'Where', value: c.mode.companyName },
    ],
    confirmLabel: 'Book it',
    done: `Booked: ${what.toLowerCase()} on ${shortDate(day)} at 10:30 AM.`,
    demoNote: 'Demo: nothing is booked.',
  };
}

function checkIn(c: Context): Omit<ActionQuote, 'id' | 'kind' | 'label'> {
  const flight = itemsOf(c, 'flights')[0]!;
  const [number, time, seat] = flight.detail.split(' · ');
  // Flights are always dated (persona-lists.ts); "today" only guards the type.
  const departs = flight.date ? shortDate(flight.date) : 'today';
  return {
    title: `Check in: ${flight.title}`,
    lines: [
      { label: 'Flight', value: number ?? flight.title },
      { label: 'Departs', value: `${departs} · ${time ?? ''}` },
      { label: 'Seat', value: (seat ?? '').replace(/^Seat\s*/, '') },
      { label: 'Boarding group', value: '3' },
    ],
    confirmLabel: 'Check in',
    done: `You're checked in on ${number}, ${flight.title}, ${departs} at ${time}, ${seat ?? 'seat assigned at the gate'}.`,
    demoNote: 'Demo: no boarding pass is issued.',
  };
}

function refill(c: Context): Omit<ActionQuote, 'id' | 'kind' | 'label'> {
  const rx = itemsOf(c, 'prescriptions')[0]!;
  const ready = isoDay(addDays(c.asOf, 1));
  return {
    title: `Refill ${rx.title}`,
    lines: [
      { label: 'Medication', value: rx.title },
      { label: 'Supply', value: '30 days' },
      { label: 'Ready', value: `${shortDate(ready)} after 2 PM` },
    ],
    confirmLabel: 'Request refill',
    done: `Refill of ${rx.title} requested; it will be ready ${shortDate(ready)} after 2 PM.`,
    demoNote: 'Demo: no order is placed.',
  };
}

function reorder(c: Context): Omit<ActionQuote, 'id' | 'kind' | 'label'> {
  const order = itemsOf(c, 'orders')[0]!;
  const arrives = isoDay(addDays(c.asOf, 2));
  return {
    title: `Order again: ${order.title}`,
    lines: [
      { label: 'Item', value: order.title },
      { label: 'Total', value: order.value },
      { label: 'Arrives', value: shortDate(arrives) },
    ],
    confirmLabel: `Order for ${order.value}`,
    done: `Ordered ${order.title.toLowerCase()} again for ${order.value}; it arrives ${shortDate(arrives)}.`,
    demoNote: NO_MONEY,
  };
}

function contact(c: Context, a: ActionSpec): Omit<ActionQuote, 'id' | 'kind' | 'label'> {
  return {
    title: a.label,
    lines: [
      { label: 'To', value: `${c.mode.companyName} team` },
      { label: 'Reply within', value: '2 hours' },
    ],
    confirmLabel: 'Send',
    done: `Message sent to the ${c.mode.companyName} team; expect a reply within 2 hours.`,
    demoNote: 'Demo: no message is sent.',
  };
}

const QUOTES: Record<ActionSpec['kind'], (c: Context, a: ActionSpec) => Omit<ActionQuote, 'id' | 'kind' | 'label'>> = {
  pay,
  transfer,
  file_claim: fileClaim,
  book,
  check_in: checkIn,
  refill,
  reorder,
  contact,
};

/** Each of the mode's actions with its confirmation, in the mode's order. */
export function personaActions(mode: Mode, persona: Persona, asOf: Date, lists: PersonaList[]): ActionQuote[] {
  const c: Context = { mode, persona, asOf, lists };
  return (mode.actions ?? []).map((a) => {
    const q = QUOTES[a.kind](c, a);
    // Bounded like the contract says, whatever length a company name gives the sentences.
    return { id: a.id, kind: a.kind, label: a.label, ...q, title: q.title.slice(0, 80), done: q.done.slice(0, 200) };
  });
}
