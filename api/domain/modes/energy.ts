import type { Mode } from '../../contracts/mode';
import { deriveTheme } from '../palette';

/** A fresh green, the colour utilities use to signal clean power; our own shade. */
export const energy: Mode = {
  id: 'energy',
  name: 'Energy',
  companyName: 'Kestrel Power & Light',
  tagline: 'Cleaner power, clearer bills.',
  source: 'builtin',
  theme: deriveTheme('#2f8f3a'),
  tabs: [
    { id: 'usage', label: 'Usage', icon: 'bolt', datasetIds: ['usage', 'peak_share'] },
    { id: 'billing', label: 'Billing', icon: 'file', datasetIds: ['bill', 'usage'] },
    { id: 'solar', label: 'Solar', icon: 'sun', datasetIds: ['solar', 'renewable_share'] },
    { id: 'ev', label: 'EV charging', icon: 'car', datasetIds: ['ev_charging'] },
    { id: 'service', label: 'Service', icon: 'bell', datasetIds: ['outages'] },
  ],
  metrics: [
    { id: 'usage_month', label: 'Usage this month (kWh)', format: 'number', personaPath: 'usage.this_month', icon: 'bolt' },
    { id: 'current_bill', label: 'Current bill', format: 'currency', personaPath: 'bill.current', icon: 'file' },
    { id: 'solar_12m', label: 'Solar generated, 12 mo (kWh)', format: 'number', personaPath: 'solar.total_12m', icon: 'sun' },
    { id: 'renewable_share', label: 'Renewable share', format: 'percent', personaPath: 'renewable.share', icon: 'leaf' },
  ],
  datasets: [
    {
      id: 'usage', label: 'Electricity usage', unit: 'kWh', kind: 'flow', defaultChart: 'bar',
      keywords: ['usage', 'electricity', 'power usage', 'kilowatt hours', 'consumption'],
      series: { shape: 'seasonal', start: [700, 950], drift: -1, noise: 0.25, min: 100, max: 3000, decimals: 0 },
    },
    {
      id: 'bill', label: 'Monthly bill', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['bill', 'monthly bill', 'energy bill', 'amount due'],
      series: { shape: 'seasonal', start: [120, 170], drift: 0.3, noise: 0.25, min: 20, max: 600, decimals: 2 },
    },
    {
      id: 'solar', label: 'Solar generation', unit: 'kWh', kind: 'flow', defaultChart: 'area',
      keywords: ['solar', 'solar panels', 'solar generation', 'generated'],
      series: { shape: 'seasonal', start: [280, 380], drift: 0.5, noise: 0.35, min: 0, max: 1500, decimals: 0 },
    },
    {
      id: 'peak_share', label: 'Peak-hour usage', unit: 'percent', kind: 'rate', defaultChart: 'line',
      keywords: ['peak hours', 'peak usage', 'time of use', 'on-peak'],
      series: { shape: 'walk', start: [28, 38], drift: -0.15, noise: 0.04, min: 5, max: 80, decimals: 1 },
    },
    {
      id: 'renewable_share', label: 'Renewable share', unit: 'percent', kind: 'rate', defaultChart: 'line',
      keywords: ['renewable', 'green energy', 'clean energy', 'renewable share'],
      series: { shape: 'walk', start: [34, 42], drift: 0.4, noise: 0.03, min: 0, max: 100, decimals: 1 },
    },
    {
      id: 'ev_charging', label: 'EV charging', unit: 'kWh', kind: 'flow', defaultChart: 'bar',
      keywords: ['ev charging', 'electric vehicle', 'car charging', 'charger'],
      series: { shape: 'walk', start: [120, 220], drift: 2, noise: 0.2, min: 0, max: 1000, decimals: 0 },
    },
    {
      id: 'outages', label: 'Outage minutes', unit: 'count', kind: 'count', defaultChart: 'bar',
      keywords: ['outages', 'power outage', 'blackout', 'service interruptions'],
      series: { shape: 'walk', start: [0, 16], drift: 0, noise: 1, min: 0, max: 240, decimals: 0 },
    },
  ],
  persona: {
    role: 'customer',
    fields: [
      { path: 'usage.this_month', dataset: 'usage', stat: 'last' },
      { path: 'usage.avg_monthly', dataset: 'usage', stat: 'avg12' },
      { path: 'bill.current', dataset: 'bill', stat: 'last' },
      { path: 'bill.total_12m', dataset: 'bill', stat: 'sum12' },
      { path: 'solar.total_12m', dataset: 'solar', stat: 'sum12' },
      { path: 'peak.share', dataset: 'peak_share', stat: 'last' },
      { path: 'renewable.share', dataset: 'renewable_share', stat: 'last' },
      { path: 'ev.total_12m', dataset: 'ev_charging', stat: 'sum12' },
      { path: 'outages.minutes_12m', dataset: 'outages', stat: 'sum12' },
      { path: 'rate.cents_per_kwh', range: [13, 19], decimals: 1 },
    ],
  },
  tone: ['helpful', 'calm', 'concise'],
  vocabulary: [
    'kilowatt-hour', 'meter', 'rate plan', 'time of use', 'peak', 'off-peak', 'solar',
    'net metering', 'outage', 'autopay', 'budget billing', 'rebate',
  ],
  welcome: 'Welcome to Kestrel Power & Light. Ask me about your usage, bill or solar.',
  voice: 'cedar',
};
