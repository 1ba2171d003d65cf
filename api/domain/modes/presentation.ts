import type { ActionSpec, LayoutLead, ListKind, ListSpec, Mode, Tab } from '../../contracts/mode';

/** The lists, actions and lead a mode of one industry family gets when it carries none of its own. */
interface FamilyPresentation {
  lists: ListSpec[];
  actions: ActionSpec[];
  lead: LayoutLead;
}

const list = (kind: ListKind, title: string): ListSpec => ({ id: kind, kind, title });
const action = (kind: ActionSpec['kind'], label: string): ActionSpec => ({ id: kind, kind, label });

/**
 * Industry families by the words of a mode (id, name, vocabulary, dataset ids), first match wins.
 * Stored modes from before lists existed, and designs that left them out, still look like a real
 * portal of their kind: a bank leads with transactions and Pay, an energy supplier with its usage.
 */
const FAMILIES: Array<{ words: RegExp; presentation: FamilyPresentation }> = [
  {
    words: /\b(insur\w*|underwrit\w*|polic(y|ies)|claims?)\b/,
    presentation: {
      lists: [list('policies', 'Your policies'), list('claims', 'Recent claims')],
      actions: [action('file_claim', 'File a claim'), action('pay', 'Pay premium')],
      lead: 'list',
    },
  },
  {
    words: /\b(air\w*|flights?|travel|miles)\b/,
    presentation: {
      lists: [list('flights', 'Your trips')],
      actions: [action('check_in', 'Check in'), action('book', 'Book a flight')],
      lead: 'list',
    },
  },
  {
    words: /\b(hotels?|resorts?|stays?|inn|lodg\w*)\b/,
    presentation: {
      lists: [list('reservations', 'Your stays')],
      actions: [action('book', 'Book a stay'), action('contact', 'Message us')],
      lead: 'list',
    },
  },
  {
    words: /\b(energy|utilit\w*|electric\w*|power|gas|water|solar|kwh|meters?|telecom|broadband|internet)\b/,
    presentation: {
      lists: [list('meter_readings', 'Meter readings'), list('bills', 'Upcoming bills')],
      actions: [action('pay', 'Pay bill'), action('contact', 'Report an issue')],
      lead: 'chart',
    },
  },
  {
    words: /\b(pharmac\w*|prescriptions?|drugstore|chemist)\b/,
    presentation: {
      lists: [list('prescriptions', 'Prescriptions'), list('orders', 'Recent orders')],
      actions: [action('refill', 'Refill'), action('contact', 'Ask a pharmacist')],
      lead: 'list',
    },
  },
  {
    words:
      /\b(health\w*|clinic|dental|dentist\w*|vet\w*|hospital|doctors?|patients?|care|therap\w*|salon|spa|gym|fitness|appointments?)\b/,
    presentation: {
      lists: [list('appointments', 'Upcoming appointments'), list('activity', 'Recent activity')],
      actions: [action('book', 'Book'), action('contact', 'Message us')],
      lead: 'list',
    },
  },
  {
    // Before the bank: a food bank, a blood drive or a shelter is community work, not banking.
    words: /\b(food (bank|pantry)|pantr(y|ies)|charit\w*|non-?profit|volunteer\w*|donat\w*|shelters?|blood drive)\b/,
    presentation: {
      lists: [list('appointments', 'Volunteer shifts'), list('activity', 'Recent activity')],
      actions: [action('book', 'Sign up for a shift'), action('contact', 'Message the team')],
      lead: 'list',
    },
  },
  {
    // "food bank", "blood bank", "seed bank" and "time bank" are not banks.
    words:
      /\b((?<!(food|blood|seed|time|data|milk|diaper) )bank\w*|credit|loans?|mortgage|checking|savings|fargo|chase|finance|lending)\b/,
    presentation: {
      lists: [list('transactions', 'Recent transactions'), list('accounts', 'Accounts'), list('bills', 'Upcoming')],
      actions: [action('pay', 'Pay'), action('transfer', 'Transfer')],
      lead: 'list',
    },
  },
  {
    words: /\b(retail\w*|shop\w*|stores?|orders?|restaurant|pizz\w*|cafe|coffee|bakery|grocer\w*|dealer\w*|menu)\b/,
    presentation: {
      lists: [list('orders', 'Recent orders')],
      actions: [action('reorder', 'Order again'), action('contact', 'Message us')],
      lead: 'list',
    },
  },
];

const GENERIC: FamilyPresentation = {
  lists: [list('activity', 'Recent activity')],
  actions: [action('contact', 'Message us')],
  lead: 'figures',
};

export function familyPresentation(mode: Mode): FamilyPresentation {
  const words = [mode.id.replace(/[-_]+/g, ' '), mode.name, ...mode.vocabulary, ...mode.datasets.map((d) => d.id)]
    .join(' ')
    .toLowerCase()
    .replace(/_/g, ' ');
  return FAMILIES.find((f) => f.words.test(words))?.presentation ?? GENERIC;
}

/** Words in a tab's id, label or datasets that say it is the home of a list kind. */
const KIND_WORDS: Record<ListKind, RegExp> = {
  transactions: /transaction|card|spend|purchase/,
  transfers: /transfer|sent|send|payee/,
  accounts: /account|balance|saving|checking/,
  bills: /bill|payment|statement|pay\b/,
  claims: /claim/,
  policies: /polic|coverage|plan/,
  appointments: /appoint|visit|schedule|calendar|booking/,
  prescriptions: /prescri|medic|pharm|refill|rx/,
  orders: /order|purchase|menu|shop|deliver/,
  flights: /trip|flight|booking|travel/,
  reservations: /reserv|stay|booking|room/,
  meter_readings: /usage|meter|reading|energy|kwh/,
  activity: /activit|overview|home|history/,
};

/**
 * Each list on the tab whose name says it (an "Appointments" tab gets the appointments), else the
 * tab whose datasets do, else the first tab without a list; at most two lists a tab.
 */
function defaultTabLists(tabs: Tab[], lists: ListSpec[]): Tab[] {
  const assigned = new Map<string, string[]>();
  const room = (t: Tab) => (assigned.get(t.id)?.length ?? 0) < 2;
  const named = (t: Tab) => `${t.id} ${t.label}`.toLowerCase();
  const charts = (t: Tab) => t.datasetIds.join(' ').toLowerCase();
  for (const l of lists) {
    const fits = KIND_WORDS[l.kind];
    const home =
      tabs.find((t) => room(t) && fits.test(named(t))) ??
      tabs.find((t) => room(t) && fits.test(charts(t))) ??
      tabs.find((t) => !assigned.has(t.id));
    if (home) assigned.set(home.id, [...(assigned.get(home.id) ?? []), l.id]);
  }
  return tabs.map((t) => (assigned.has(t.id) ? { ...t, listIds: assigned.get(t.id) } : t));
}

/**
 * The mode as the dashboard shows it: its own lists, actions and lead, or its family's when it
 * carries none (modes stored before lists existed, designs without them). Tabs that name no list
 * get one when a list fits their name. Returns the same object when nothing is missing.
 */
export function withPresentation(mode: Mode): Mode {
  const hasTabLists = mode.tabs.some((t) => t.listIds !== undefined);
  if (mode.lists && mode.actions && mode.lead && hasTabLists) return mode;
  const family = familyPresentation(mode);
  const lists = mode.lists ?? family.lists;
  return {
    ...mode,
    lists,
    actions: mode.actions ?? family.actions,
    lead: mode.lead ?? (lists.length ? family.lead : 'figures'),
    tabs: hasTabLists ? mode.tabs : defaultTabLists(mode.tabs, lists),
  };
}
