import type { Mode } from '../../contracts/mode';
import { deriveTheme } from '../palette';

/** A protective deep red, as the big mutual insurers favour; our own shade. */
export const insurance: Mode = {
  id: 'insurance',
  name: 'Insurance',
  companyName: 'Oakhollow Mutual',
  tagline: 'Covered today, ready for tomorrow.',
  source: 'builtin',
  theme: deriveTheme('#c62828'),
  tabs: [
    { id: 'policies', label: 'Policies', icon: 'shield', datasetIds: ['life_cash_value', 'auto_premium', 'home_premium'] },
    { id: 'auto', label: 'Auto', icon: 'car', datasetIds: ['auto_premium', 'driving_score'] },
    { id: 'home', label: 'Home', icon: 'house', datasetIds: ['home_coverage', 'home_premium'] },
    { id: 'life', label: 'Life', icon: 'heart', datasetIds: ['life_cash_value', 'life_premium'] },
    { id: 'claims', label: 'Claims', icon: 'file', datasetIds: ['open_claims', 'claims_paid'] },
  ],
  metrics: [
    { id: 'life_cash_value', label: 'Life policy cash value', format: 'currency', personaPath: 'life.cash_value', icon: 'heart' },
    { id: 'auto_premium', label: 'Auto premium (monthly)', format: 'currency', personaPath: 'auto.premium', icon: 'car' },
    { id: 'home_coverage', label: 'Home dwelling coverage', format: 'currency', personaPath: 'home.coverage', icon: 'house' },
    { id: 'open_claims', label: 'Open claims', format: 'number', personaPath: 'claims.open', icon: 'file' },
  ],
  datasets: [
    {
      id: 'life_cash_value', label: 'Life policy cash value', unit: 'USD', kind: 'balance', defaultChart: 'area',
      keywords: ['life insurance', 'life policy', 'whole life', 'cash value'],
      series: { shape: 'walk', start: [12000, 18000], drift: 160, noise: 0.006, min: 0, max: 500000, decimals: 2 },
    },
    {
      id: 'life_premium', label: 'Life premium', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['life premium', 'life insurance payment', 'life policy cost'],
      series: { shape: 'walk', start: [58, 92], drift: 0, noise: 0.002, min: 20, max: 400, decimals: 2 },
    },
    {
      id: 'auto_premium', label: 'Auto premium', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['auto insurance', 'car insurance', 'auto policy', 'auto premium', 'vehicle insurance'],
      series: { shape: 'walk', start: [128, 168], drift: 0.4, noise: 0.01, min: 60, max: 400, decimals: 2 },
    },
    {
      id: 'driving_score', label: 'Safe-driving score', unit: 'points', kind: 'score', defaultChart: 'line',
      keywords: ['driving score', 'safe driver', 'driving habits', 'telematics'],
      series: { shape: 'walk', start: [76, 88], drift: 0.15, noise: 0.02, min: 0, max: 100, decimals: 0 },
    },
    {
      id: 'home_coverage', label: 'Home dwelling coverage', unit: 'USD', kind: 'balance', defaultChart: 'line',
      keywords: ['home coverage', 'dwelling coverage', 'rebuild cost', 'house insured for'],
      series: { shape: 'burndown', start: [360000, 440000], drift: 850, noise: 0.1, min: 100000, max: 2000000, decimals: 0 },
    },
    {
      id: 'home_premium', label: 'Home premium', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['home insurance', 'homeowners', 'home policy', 'home premium', 'house insurance'],
      series: { shape: 'walk', start: [140, 210], drift: 0.6, noise: 0.01, min: 60, max: 600, decimals: 2 },
    },
    {
      id: 'claims_paid', label: 'Claims paid out', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['claims paid', 'payouts', 'reimbursed', 'claim payments'],
      series: { shape: 'seasonal', start: [150, 600], drift: 0, noise: 0.6, min: 0, max: 8000, decimals: 2 },
    },
    {
      id: 'open_claims', label: 'Open claims', unit: 'count', kind: 'count', defaultChart: 'bar',
      keywords: ['open claims', 'pending claims', 'claim status', 'claims in progress', 'file a claim'],
      series: { shape: 'walk', start: [0, 2], drift: 0, noise: 0.6, min: 0, max: 6, decimals: 0 },
    },
  ],
  persona: {
    role: 'policyholder',
    fields: [
      { path: 'life.coverage', range: [250000, 1000000], decimals: 0 },
      { path: 'life.cash_value', dataset: 'life_cash_value', stat: 'last' },
      { path: 'life.premium', dataset: 'life_premium', stat: 'last' },
      { path: 'auto.premium', dataset: 'auto_premium', stat: 'last' },
      { path: 'auto.deductible', range: [250, 1000], decimals: 0 },
      { path: 'driving.score', dataset: 'driving_score', stat: 'last' },
      { path: 'home.coverage', dataset: 'home_coverage', stat: 'last' },
      { path: 'home.premium', dataset: 'home_premium', stat: 'last' },
      { path: 'home.deductible', range: [500, 2500], decimals: 0 },
      { path: 'claims.open', dataset: 'open_claims', stat: 'last' },
      { path: 'claims.paid_12m', dataset: 'claims_paid', stat: 'sum12' },
    ],
  },
  tone: ['reassuring', 'empathetic', 'professional'],
  vocabulary: [
    'premium', 'deductible', 'policy', 'coverage', 'claim', 'adjuster', 'beneficiary',
    'endorsement', 'rider', 'liability', 'bundle', 'renewal',
  ],
  welcome: 'Welcome to Oakhollow Mutual. Ask me about your policies, premiums or claims.',
  voice: 'coral',
};
