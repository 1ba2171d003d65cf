import type { Mode } from '../../contracts/mode';
import { deriveTheme } from '../palette';

/** An open-sky blue, the colour most major carriers fly under; our own shade. */
export const airline: Mode = {
  id: 'airline',
  name: 'Airline',
  companyName: 'Aurelia Airways',
  tagline: 'Closer to everywhere.',
  source: 'builtin',
  theme: deriveTheme('#1478c8'),
  tabs: [
    { id: 'trips', label: 'Trips', icon: 'plane', datasetIds: ['flights', 'on_time'] },
    { id: 'bookings', label: 'Bookings', icon: 'ticket', datasetIds: ['travel_spend', 'flights'] },
    { id: 'miles', label: 'Miles', icon: 'wallet', datasetIds: ['miles_balance', 'miles_earned'] },
    { id: 'status', label: 'Status', icon: 'star', datasetIds: ['status_points', 'upgrades'] },
    { id: 'insights', label: 'Insights', icon: 'chart', datasetIds: ['on_time', 'travel_spend'] },
  ],
  metrics: [
    { id: 'miles_balance', label: 'Miles balance', format: 'number', personaPath: 'miles.balance', icon: 'wallet' },
    { id: 'flights_12m', label: 'Flights (last 12 months)', format: 'number', personaPath: 'flights.total_12m', icon: 'plane' },
    { id: 'status_points', label: 'Status points', format: 'score', personaPath: 'status.points', icon: 'star' },
    { id: 'travel_spend_12m', label: 'Travel spend (12 months)', format: 'currency', personaPath: 'travel_spend.total_12m', icon: 'ticket' },
  ],
  datasets: [
    {
      id: 'miles_balance', label: 'Miles balance', unit: 'miles', kind: 'balance', defaultChart: 'line',
      keywords: ['miles', 'miles balance', 'award miles', 'frequent flyer'],
      series: { shape: 'walk', start: [42000, 68000], drift: 1400, noise: 0.03, min: 0, max: 1000000, decimals: 0 },
    },
    {
      id: 'miles_earned', label: 'Miles earned', unit: 'miles', kind: 'flow', defaultChart: 'bar',
      keywords: ['miles earned', 'earned miles', 'mileage earned'],
      series: { shape: 'seasonal', start: [1500, 3200], drift: 10, noise: 0.5, min: 0, max: 20000, decimals: 0 },
    },
    {
      id: 'flights', label: 'Flights taken', unit: 'count', kind: 'count', defaultChart: 'bar',
      keywords: ['flights', 'trips', 'flights taken', 'segments flown'],
      series: { shape: 'seasonal', start: [0.8, 2.4], drift: 0, noise: 0.8, min: 0, max: 10, decimals: 0 },
    },
    {
      id: 'status_points', label: 'Status qualifying points', unit: 'points', kind: 'balance', defaultChart: 'area',
      keywords: ['status', 'elite status', 'qualifying points', 'tier progress'],
      series: { shape: 'burndown', start: [500, 1500], drift: 900, noise: 0.5, min: 0, max: 30000, decimals: 0 },
    },
    {
      id: 'travel_spend', label: 'Travel spend', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['travel spend', 'ticket spending', 'fares', 'airfare'],
      series: { shape: 'seasonal', start: [320, 700], drift: 0, noise: 0.4, min: 0, max: 6000, decimals: 2 },
    },
    {
      id: 'on_time', label: 'On-time arrivals', unit: 'percent', kind: 'rate', defaultChart: 'line',
      keywords: ['on time', 'on-time', 'delays', 'punctuality'],
      series: { shape: 'walk', start: [78, 88], drift: 0.05, noise: 0.04, min: 50, max: 100, decimals: 1 },
    },
    {
      id: 'upgrades', label: 'Upgrades received', unit: 'count', kind: 'count', defaultChart: 'bar',
      keywords: ['upgrades', 'seat upgrade', 'first class', 'business class'],
      series: { shape: 'walk', start: [0, 1], drift: 0, noise: 0.8, min: 0, max: 4, decimals: 0 },
    },
  ],
  persona: {
    role: 'passenger',
    fields: [
      { path: 'miles.balance', dataset: 'miles_balance', stat: 'last' },
      { path: 'miles.earned_12m', dataset: 'miles_earned', stat: 'sum12' },
      { path: 'flights.total_12m', dataset: 'flights', stat: 'sum12' },
      { path: 'status.points', dataset: 'status_points', stat: 'last' },
      { path: 'travel_spend.total_12m', dataset: 'travel_spend', stat: 'sum12' },
      { path: 'on_time.rate', dataset: 'on_time', stat: 'last' },
      { path: 'upgrades.total_12m', dataset: 'upgrades', stat: 'sum12' },
      { path: 'next_trip.days_away', range: [3, 45], decimals: 0 },
    ],
  },
  tone: ['upbeat', 'confident', 'helpful'],
  vocabulary: [
    'boarding pass', 'gate', 'layover', 'itinerary', 'miles', 'upgrade', 'seat', 'baggage',
    'lounge', 'status', 'fare', 'check-in',
  ],
  welcome: 'Welcome aboard Aurelia Airways. Ask me about your trips, miles or status.',
  voice: 'ash',
};
