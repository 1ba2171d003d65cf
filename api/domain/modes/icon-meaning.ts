import type { Dataset, IconName } from '../../contracts/mode';

/**
 * Icons by meaning (issue #14): which icon a label's words call for, and which others also fit.
 * Applied to a generated mode's tabs and KPIs (generation/build-mode.ts), so the stored mode already
 * carries fitting icons and the SPA ships none of this table.
 *
 * Rules are tried in order and the first whose words occur in the label wins, so the specific
 * ("savings", "miles", "deductible") come before the general ("balance", "account", "health").
 * `fits` are the icons a designer may have chosen that are just as good: they are kept.
 */
interface Meaning {
  words: readonly string[];
  icon: IconName;
  fits?: readonly IconName[];
}

const MEANINGS: readonly Meaning[] = [
  { words: ['savings', 'saving', 'save', 'nest egg', 'rainy day'], icon: 'piggy', fits: ['bank', 'coins'] },
  { words: ['vault', 'safe deposit'], icon: 'bank', fits: ['piggy'] },
  {
    words: ['miles', 'mileage', 'flight', 'flights', 'trip', 'trips', 'boarding', 'airline'],
    icon: 'plane',
    fits: ['map', 'globe', 'ticket'],
  },
  {
    words: [
      'check in',
      'check-in',
      'booking',
      'bookings',
      'ticket',
      'tickets',
      'pass',
      'venue',
      'theater',
      'theatre',
      'cinema',
      'museum',
    ],
    icon: 'ticket',
  },
  { words: ['status', 'tier', 'elite', 'membership level', 'badge'], icon: 'medal', fits: ['star'] },
  { words: ['rewards', 'reward', 'points', 'loyalty', 'perks'], icon: 'star', fits: ['gift', 'medal'] },
  {
    words: [
      'gift card',
      'gift cards',
      'gift',
      'voucher',
      'donation',
      'donations',
      'giving',
      'given',
      'charity',
      'non-profit',
      'nonprofit',
    ],
    icon: 'gift',
    fits: ['heart', 'drop', 'coins'],
  },
  {
    words: ['tax', 'taxes', 'legal', 'law', 'court', 'compliance', 'accounting', 'accountant'],
    icon: 'scale',
    fits: ['receipt', 'file', 'briefcase', 'coins'],
  },
  {
    words: ['mortgage', 'home loan', 'house', 'home', 'property', 'dwelling', 'rent'],
    icon: 'house',
    fits: ['home', 'key'],
  },
  {
    words: ['auto loan', 'car loan', 'personal loan', 'loan balance', 'financing'],
    icon: 'bank',
    fits: ['wallet', 'coins', 'car'],
  },
  {
    words: ['listing', 'listings', 'keys', 'closing', 'real estate', 'realtor', 'realty'],
    icon: 'key',
    fits: ['house', 'home', 'star'],
  },
  { words: ['credit card', 'card', 'cards', 'debit'], icon: 'card' },
  { words: ['transfer', 'transfers', 'send money', 'payments out'], icon: 'transfer' },
  {
    words: [
      'bill',
      'bills',
      'billing',
      'invoice',
      'invoices',
      'invoiced',
      'statement',
      'receipt',
      'fees',
      'fee',
      'copay',
      'copays',
      'tuition',
    ],
    icon: 'receipt',
    fits: ['file', 'wallet'],
  },
  {
    words: ['spend', 'spending', 'spent', 'income', 'revenue', 'earnings', 'funds', 'raised', 'budget'],
    icon: 'coins',
    fits: ['wallet', 'chart', 'receipt'],
  },
  {
    words: ['deductible', 'coverage', 'policy', 'policies', 'protection', 'warranty', 'insured', 'insurance'],
    icon: 'shield',
    fits: ['heart', 'car', 'house'],
  },
  {
    words: [
      'claim',
      'claims',
      'case',
      'cases',
      'matter',
      'matters',
      'application',
      'applications',
      'permit',
      'permits',
    ],
    icon: 'clipboard',
    fits: ['file', 'briefcase'],
  },
  {
    words: ['document', 'documents', 'contract', 'contracts', 'forms', 'report', 'reports'],
    icon: 'file',
    fits: ['clipboard'],
  },
  {
    words: ['prescription', 'prescriptions', 'medication', 'medications', 'refill', 'refills', 'pharmacy', 'rx'],
    icon: 'pill',
    fits: ['bell', 'clock', 'heart'],
  },
  {
    words: [
      'dental',
      'oral',
      'smile',
      'teeth',
      'tooth',
      'cleaning',
      'cleanings',
      'orthodontic',
      'dentist',
      'dentistry',
    ],
    icon: 'tooth',
    fits: ['calendar'],
  },
  {
    words: ['blood', 'plasma', 'platelets', 'hemoglobin', 'blood bank'],
    icon: 'drop',
    fits: ['heart', 'box', 'calendar', 'activity'],
  },
  {
    words: ['steps', 'activity', 'vitals', 'heart rate', 'workout', 'workouts', 'exercise'],
    icon: 'activity',
    fits: ['heart', 'dumbbell'],
  },
  {
    words: ['gym', 'fitness', 'class', 'classes', 'training'],
    icon: 'dumbbell',
    fits: ['activity', 'calendar', 'heart'],
  },
  { words: ['pet', 'pets', 'vet', 'veterinary', 'dog', 'cat'], icon: 'paw', fits: ['heart', 'stethoscope'] },
  {
    words: ['doctor', 'checkup', 'checkups', 'clinic', 'exam', 'exams'],
    icon: 'stethoscope',
    fits: ['heart', 'calendar', 'paw'],
  },
  { words: ['wellness', 'health', 'life', 'wellbeing'], icon: 'heart', fits: ['activity', 'leaf'] },
  { words: ['hsa', 'fsa', 'wallet', 'cash'], icon: 'wallet', fits: ['piggy', 'coins'] },
  {
    words: ['appointment', 'appointments', 'schedule', 'reservations', 'reservation', 'events', 'event'],
    icon: 'calendar',
    fits: ['clock', 'ticket'],
  },
  {
    words: [
      'wait',
      'waiting',
      'time',
      'delivery time',
      'turnaround',
      'hours',
      'days',
      'on time',
      'on-time',
      'punctuality',
    ],
    icon: 'clock',
    fits: ['calendar', 'users', 'truck', 'plane'],
  },
  { words: ['solar', 'sunshine'], icon: 'sun' },
  { words: ['ev', 'charging', 'charger', 'electric vehicle'], icon: 'plug', fits: ['car', 'bolt'] },
  { words: ['gas', 'heating', 'heat'], icon: 'flame' },
  { words: ['water'], icon: 'drop' },
  {
    words: ['usage', 'meter', 'meters', 'consumption', 'kwh', 'meter reading', 'meter readings', 'peak'],
    icon: 'gauge',
    fits: ['bolt'],
  },
  { words: ['energy', 'power', 'electricity', 'outage', 'outages'], icon: 'bolt', fits: ['gauge', 'bell'] },
  { words: ['renewable', 'green', 'carbon', 'emissions', 'recycling', 'sustainability'], icon: 'leaf' },
  { words: ['auto', 'car', 'cars', 'vehicle', 'vehicles', 'driving', 'test drive'], icon: 'car' },
  {
    words: ['shipment', 'shipments', 'shipping', 'delivery', 'deliveries', 'freight', 'fleet', 'logistics', 'courier'],
    icon: 'truck',
    fits: ['box'],
  },
  {
    words: ['order', 'orders', 'package', 'packages', 'parcel', 'parcels', 'returns', 'inventory', 'stock'],
    icon: 'box',
    fits: ['truck', 'bag'],
  },
  { words: ['shop', 'store', 'purchases', 'purchase', 'basket', 'cart', 'groceries'], icon: 'cart', fits: ['bag'] },
  { words: ['boutique', 'fashion', 'bag', 'shopping'], icon: 'bag', fits: ['cart'] },
  { words: ['deal', 'deals', 'discount', 'discounts', 'coupon', 'coupons', 'price', 'prices'], icon: 'tag' },
  {
    words: [
      'menu',
      'dining',
      'meal',
      'meals',
      'table',
      'tables',
      'restaurant',
      'food',
      'pizzeria',
      'cafe',
      'bakery',
      'coffee',
      'food bank',
    ],
    icon: 'utensils',
    fits: ['cart'],
  },
  { words: ['stay', 'stays', 'room', 'rooms', 'nights', 'hotel', 'suite'], icon: 'bed', fits: ['calendar', 'key'] },
  {
    words: ['destination', 'destinations', 'travel', 'international', 'abroad', 'roaming'],
    icon: 'globe',
    fits: ['plane', 'map'],
  },
  { words: ['route', 'routes', 'location', 'locations', 'branch', 'branches', 'map'], icon: 'map' },
  {
    words: ['course', 'courses', 'grade', 'grades', 'student', 'students', 'school', 'enrollment'],
    icon: 'cap',
    fits: ['book'],
  },
  {
    words: ['book', 'books', 'loan', 'loans', 'library', 'reading list', 'catalog'],
    icon: 'book',
    fits: ['bank', 'coins'],
  },
  {
    words: [
      'service',
      'services',
      'repair',
      'repairs',
      'maintenance',
      'jobs',
      'technician',
      'support',
      'plumbing',
      'plumber',
      'electrician',
      'hvac',
      'home services',
    ],
    icon: 'wrench',
    fits: ['bell', 'settings'],
  },
  {
    words: ['phone', 'mobile', 'calls', 'minutes', 'sim', 'data plan', 'telecom', 'wireless', 'internet'],
    icon: 'phone',
  },
  { words: ['haircut', 'salon', 'stylist', 'beauty', 'spa'], icon: 'scissors', fits: ['calendar', 'heart'] },
  { words: ['alerts', 'alert', 'notifications', 'reminders', 'reminder'], icon: 'bell' },
  {
    words: [
      'members',
      'member',
      'team',
      'volunteers',
      'volunteer',
      'clients',
      'customers',
      'people',
      'family',
      'household',
    ],
    icon: 'users',
    fits: ['heart'],
  },
  { words: ['interest', 'rate', 'apr', 'share', 'ratio', 'percentage'], icon: 'percent', fits: ['chart', 'trend'] },
  {
    words: ['growth', 'returns', 'investments', 'investment', 'portfolio', 'performance'],
    icon: 'trend',
    fits: ['chart'],
  },
  { words: ['balance', 'checking', 'account', 'accounts', 'money'], icon: 'wallet', fits: ['bank', 'coins'] },
  { words: ['score', 'rating', 'satisfaction', 'reviews'], icon: 'star', fits: ['medal', 'chart'] },
  {
    words: ['insights', 'analytics', 'trends', 'overview', 'summary', 'dashboard'],
    icon: 'chart',
    fits: ['trend', 'home'],
  },
  { words: ['settings', 'preferences', 'profile'], icon: 'settings' },
  // Whole industries: last, so "food bank" and "blood bank" are never a bank.
  { words: ['city', 'council', 'government', 'municipal', 'public sector', 'town', 'county'], icon: 'building' },
  { words: ['bank', 'banking', 'credit union'], icon: 'bank', fits: ['wallet', 'piggy'] },
];

/** A dataset's kind when its words say nothing: what kind of number it is. */
const BY_KIND: Record<Dataset['kind'], IconName> = {
  balance: 'wallet',
  flow: 'coins',
  count: 'chart',
  rate: 'percent',
  score: 'star',
};

function wordsOf(label: string): string {
  return ` ${label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/** The rule a label's words match, or undefined when they name nothing this table knows. */
function meaningOf(label: string): Meaning | undefined {
  const text = wordsOf(label);
  return MEANINGS.find((m) => m.words.some((w) => text.includes(` ${w} `)));
}

/** The icon a label calls for by its words ("Savings balance" → piggy), else by kind, else `fallback`. */
export function iconForMeaning(label: string, kind?: Dataset['kind'], fallback: IconName = 'chart'): IconName {
  return meaningOf(label)?.icon ?? (kind ? BY_KIND[kind] : fallback);
}

/**
 * The designer's icon when it fits the label's meaning (or the label means nothing the table
 * knows), otherwise the icon the meaning calls for: a wallet on "Miles balance" becomes a plane.
 */
export function fitIcon(label: string, chosen: IconName | undefined, kind?: Dataset['kind']): IconName {
  const meaning = meaningOf(label);
  if (!meaning) return chosen ?? (kind ? BY_KIND[kind] : 'chart');
  if (chosen && (chosen === meaning.icon || meaning.fits?.includes(chosen))) return chosen;
  return meaning.icon;
}
