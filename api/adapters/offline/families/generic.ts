import type { GeneratedModeDraft } from '../../../contracts/generated-mode';
import { hslToHex } from '../../../domain/palette';
import { dataset, kpi, pick, tab, type Family, type Words } from './family';

/**
 * For industries the lexicon does not know: one of three archetypes (a place people visit, a
 * maker of things, a service firm) chosen from the words, named and coloured from the words, so
 * "space agency" and "llama farm" still get plausible, distinct modes.
 */
const PREFIXES = [
  'Summit',
  'Northwind',
  'Bluebird',
  'Evergreen',
  'Harbor',
  'Brightline',
  'Cedar',
  'Lumen',
  'Juniper',
  'Silverline',
];

function base(
  w: Words,
  archetype: string,
): Pick<GeneratedModeDraft, 'industryName' | 'companyName' | 'tagline' | 'primaryColor' | 'vocabulary'> {
  const short = w.title.split(' ').slice(-3).join(' ');
  const company = `${pick(PREFIXES, w.seed)} ${short}`.slice(0, 40).trim();
  const tagline = pick(
    [
      `Everything about your ${w.industry}, at a glance.`,
      `${w.title}, made simple.`,
      `The ${w.industry} people talk about.`,
    ],
    w.seed,
    1,
  );
  // Hue from the words; fixed saturation and lightness keep it a usable brand colour.
  const primaryColor = hslToHex([w.seed % 360, 0.62, 0.4]);
  const nouns = w.industry.split(' ').filter((x) => x.length > 2);
  return {
    industryName: w.title.slice(0, 40),
    companyName: company,
    tagline: tagline.length <= 90 ? tagline : `${short}, made simple.`,
    primaryColor,
    vocabulary: [
      ...new Set([w.industry.slice(0, 30), ...nouns, archetype, 'dashboard', 'monthly report', 'trend']),
    ].slice(0, 12),
  };
}

export const venue: Family = {
  id: 'venue',
  keywords: [
    'museum',
    'zoo',
    'aquarium',
    'park',
    'theme park',
    'theater',
    'theatre',
    'cinema',
    'stadium',
    'arena',
    'gallery',
    'festival',
    'club',
    'castle',
    'haunted',
    'haunted house',
    'escape room',
    'bowling',
    'casino',
    'concert hall',
    'library',
  ],
  draft: (w) => ({
    ...base(w, 'visitor experience'),
    personaRole: 'member',
    tone: ['upbeat', 'friendly', 'playful'],
    voice: 'ballad',
    datasets: [
      dataset('visits', 'Visits', 'count', 'count', 'bar', 'seasonal', 2, 0, ['visits', 'trips', 'times i went']),
      dataset('tickets', 'Ticket spend', 'USD', 'flow', 'bar', 'seasonal', 60, 0.5, [
        'tickets',
        'ticket spend',
        'admission',
      ]),
      dataset('member_points', 'Member points', 'points', 'balance', 'line', 'walk', 1800, 45, [
        'points',
        'member points',
        'rewards',
      ]),
      dataset('events', 'Events attended', 'count', 'count', 'bar', 'seasonal', 1, 0, [
        'events',
        'shows',
        'exhibitions',
      ]),
      dataset('shop', 'Shop and snacks', 'USD', 'flow', 'bar', 'seasonal', 25, 0, [
        'shop',
        'snacks',
        'gift shop',
        'concessions',
      ]),
      dataset('satisfaction', 'Experience rating', 'percent', 'rate', 'line', 'walk', 92, 0.05, [
        'rating',
        'experience',
        'satisfaction',
      ]),
    ],
    tabs: [
      tab('visits', 'Visits', 'map', 'visits', 'satisfaction'),
      tab('tickets', 'Tickets', 'ticket', 'tickets', 'visits'),
      tab('membership', 'Membership', 'star', 'member_points'),
      tab('events', 'Events', 'calendar', 'events'),
      tab('shop', 'Shop', 'cart', 'shop'),
    ],
    metrics: [
      kpi('visits_12m', 'Visits (12 months)', 'number', 'map', 'visits', 'sum12'),
      kpi('points', 'Member points', 'score', 'star', 'member_points', 'last'),
      kpi('events_12m', 'Events (12 months)', 'number', 'calendar', 'events', 'sum12'),
      kpi('tickets_12m', 'Ticket spend (12 months)', 'currency', 'ticket', 'tickets', 'sum12'),
    ],
  }),
};

export const maker: Family = {
  id: 'maker',
  keywords: [
    'farm',
    'factory',
    'brewery',
    'winery',
    'distillery',
    'vineyard',
    'orchard',
    'ranch',
    'manufacturer',
    'manufacturing',
    'workshop',
    'mill',
    'foundry',
    'plant',
    'nursery',
    'print shop',
    'pottery',
  ],
  draft: (w) => ({
    ...base(w, 'production'),
    personaRole: 'customer',
    tone: ['friendly', 'precise', 'trustworthy'],
    voice: 'cedar',
    datasets: [
      dataset('orders', 'Orders placed', 'count', 'count', 'bar', 'seasonal', 4, 0, [
        'orders',
        'purchases',
        'orders placed',
      ]),
      dataset('spend', 'Order spend', 'USD', 'flow', 'bar', 'seasonal', 340, 2, ['spend', 'order spend', 'invoices']),
      dataset('deliveries', 'On-time deliveries', 'percent', 'rate', 'line', 'walk', 95, 0.05, [
        'deliveries',
        'on time',
        'shipping',
      ]),
      dataset('subscription', 'Subscription boxes', 'count', 'count', 'bar', 'walk', 1, 0, [
        'subscription',
        'boxes',
        'club shipments',
      ]),
      dataset('credit', 'Account credit', 'USD', 'balance', 'area', 'walk', 80, 2, [
        'credit',
        'account credit',
        'balance',
      ]),
      dataset('quality', 'Quality rating', 'percent', 'rate', 'line', 'walk', 97, 0.02, [
        'quality',
        'rating',
        'reviews',
      ]),
    ],
    tabs: [
      tab('orders', 'Orders', 'box', 'orders', 'spend'),
      tab('shipping', 'Shipping', 'truck', 'deliveries'),
      tab('subscription', 'Subscription', 'gift', 'subscription'),
      tab('account', 'Account', 'wallet', 'credit', 'spend'),
      tab('quality', 'Quality', 'star', 'quality'),
    ],
    metrics: [
      kpi('orders_12m', 'Orders (12 months)', 'number', 'box', 'orders', 'sum12'),
      kpi('spend_12m', 'Spent (12 months)', 'currency', 'cart', 'spend', 'sum12'),
      kpi('on_time', 'On-time deliveries', 'percent', 'truck', 'deliveries', 'last'),
      kpi('credit_now', 'Account credit', 'currency', 'wallet', 'credit', 'last'),
    ],
  }),
};

/** The default archetype: a firm that serves clients (agency, consultancy, clinic of some kind …). */
export const services: Family = {
  id: 'services',
  keywords: [],
  draft: (w) => ({
    ...base(w, 'client service'),
    personaRole: 'client',
    tone: ['professional', 'helpful', 'concise'],
    voice: 'alloy',
    datasets: [
      dataset('projects', 'Active projects', 'count', 'count', 'bar', 'walk', 3, 0.05, [
        'projects',
        'active projects',
        'engagements',
      ]),
      dataset('invoices', 'Invoiced', 'USD', 'flow', 'bar', 'seasonal', 2400, 15, [
        'invoices',
        'invoiced',
        'billing',
        'fees',
      ]),
      dataset('hours', 'Hours delivered', 'count', 'flow', 'bar', 'seasonal', 42, 0.3, [
        'hours',
        'hours delivered',
        'time spent',
      ]),
      dataset('satisfaction', 'Satisfaction', 'percent', 'rate', 'line', 'walk', 93, 0.05, [
        'satisfaction',
        'rating',
        'feedback',
      ]),
      dataset('requests', 'Requests opened', 'count', 'count', 'bar', 'seasonal', 6, 0, [
        'requests',
        'tickets',
        'support requests',
      ]),
      dataset('retainer', 'Retainer balance', 'USD', 'balance', 'area', 'burndown', 9000, -700, [
        'retainer',
        'retainer balance',
        'prepaid hours',
      ]),
    ],
    tabs: [
      tab('overview', 'Overview', 'home', 'projects', 'satisfaction'),
      tab('projects', 'Projects', 'briefcase', 'projects', 'hours'),
      tab('billing', 'Billing', 'file', 'invoices', 'retainer'),
      tab('support', 'Support', 'bell', 'requests'),
      tab('team', 'Team', 'users', 'hours', 'satisfaction'),
    ],
    metrics: [
      kpi('projects_now', 'Active projects', 'number', 'briefcase', 'projects', 'last'),
      kpi('invoiced_12m', 'Invoiced (12 months)', 'currency', 'file', 'invoices', 'sum12'),
      kpi('satisfaction_now', 'Satisfaction', 'percent', 'star', 'satisfaction', 'last'),
      kpi('retainer_left', 'Retainer balance', 'currency', 'wallet', 'retainer', 'last'),
    ],
  }),
};
