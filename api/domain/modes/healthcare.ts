import type { Mode } from '../../contracts/mode';
import { deriveTheme } from '../palette';

/** A clinical teal, common among health plans for calm and care; our own shade. */
export const healthcare: Mode = {
  id: 'healthcare',
  name: 'Healthcare',
  companyName: 'Clearbrook Health',
  tagline: 'Care that fits your life, coverage that fits your budget.',
  source: 'builtin',
  theme: deriveTheme('#0b8a8f'),
  tabs: [
    { id: 'coverage', label: 'Coverage', icon: 'shield', datasetIds: ['coverage', 'deductible'] },
    { id: 'care', label: 'Care', icon: 'stethoscope', datasetIds: ['visits', 'prescriptions'] },
    { id: 'claims', label: 'Claims', icon: 'file', datasetIds: ['claims', 'out_of_pocket'] },
    { id: 'hsa', label: 'HSA', icon: 'wallet', datasetIds: ['hsa', 'out_of_pocket'] },
    { id: 'wellness', label: 'Wellness', icon: 'heart', datasetIds: ['steps', 'visits'] },
  ],
  metrics: [
    { id: 'deductible_met', label: 'Deductible met', format: 'currency', personaPath: 'deductible.met', icon: 'shield' },
    { id: 'hsa_balance', label: 'HSA balance', format: 'currency', personaPath: 'hsa.balance', icon: 'wallet' },
    { id: 'visits_12m', label: 'Visits (last 12 months)', format: 'number', personaPath: 'visits.total_12m', icon: 'stethoscope' },
    { id: 'claims_12m', label: 'Claims (last 12 months)', format: 'number', personaPath: 'claims.total_12m', icon: 'file' },
  ],
  datasets: [
    {
      id: 'coverage', label: 'Paid by your plan', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['coverage', 'plan paid', 'covered amount', 'insurance paid', 'benefits used'],
      series: { shape: 'seasonal', start: [350, 900], drift: 0, noise: 0.5, min: 0, max: 20000, decimals: 2 },
    },
    {
      id: 'deductible', label: 'Deductible met so far', unit: 'USD', kind: 'balance', defaultChart: 'area',
      keywords: ['deductible', 'deductible met', 'deductible progress', 'left on my deductible'],
      series: { shape: 'burndown', start: [100, 350], drift: 42, noise: 0.6, min: 0, max: 1500, decimals: 2 },
    },
    {
      id: 'out_of_pocket', label: 'Out-of-pocket costs', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['out of pocket', 'copays', 'what i paid', 'medical bills'],
      series: { shape: 'seasonal', start: [60, 180], drift: 0, noise: 0.5, min: 0, max: 2000, decimals: 2 },
    },
    {
      id: 'visits', label: 'Doctor visits', unit: 'count', kind: 'count', defaultChart: 'bar',
      keywords: ['visits', 'doctor visits', 'appointments', 'checkups'],
      series: { shape: 'seasonal', start: [0.6, 1.8], drift: 0, noise: 0.8, min: 0, max: 6, decimals: 0 },
    },
    {
      id: 'claims', label: 'Claims submitted', unit: 'count', kind: 'count', defaultChart: 'bar',
      keywords: ['claims', 'claims submitted', 'insurance claims', 'explanation of benefits'],
      series: { shape: 'seasonal', start: [1, 3], drift: 0, noise: 0.6, min: 0, max: 10, decimals: 0 },
    },
    {
      id: 'prescriptions', label: 'Prescription fills', unit: 'count', kind: 'count', defaultChart: 'bar',
      keywords: ['prescriptions', 'refills', 'medications', 'pharmacy'],
      series: { shape: 'walk', start: [1, 3], drift: 0, noise: 0.3, min: 0, max: 8, decimals: 0 },
    },
    {
      id: 'hsa', label: 'HSA balance', unit: 'USD', kind: 'balance', defaultChart: 'line',
      keywords: ['hsa', 'health savings', 'hsa balance', 'health savings account'],
      series: { shape: 'walk', start: [1800, 3600], drift: 95, noise: 0.04, min: 0, max: 20000, decimals: 2 },
    },
    {
      id: 'steps', label: 'Average daily steps', unit: 'count', kind: 'count', defaultChart: 'line',
      keywords: ['steps', 'daily steps', 'walking', 'activity'],
      series: { shape: 'seasonal', start: [6000, 8500], drift: 20, noise: 0.08, min: 1000, max: 20000, decimals: 0 },
    },
  ],
  persona: {
    role: 'member',
    fields: [
      { path: 'deductible.met', dataset: 'deductible', stat: 'last' },
      // Equal to the series cap, so "met" never exceeds the annual deductible.
      { path: 'deductible.annual', range: [1500, 1500], decimals: 0 },
      { path: 'coverage.paid_12m', dataset: 'coverage', stat: 'sum12' },
      { path: 'out_of_pocket.total_12m', dataset: 'out_of_pocket', stat: 'sum12' },
      { path: 'out_of_pocket.max', range: [4000, 4000], decimals: 0 },
      { path: 'visits.total_12m', dataset: 'visits', stat: 'sum12' },
      { path: 'claims.total_12m', dataset: 'claims', stat: 'sum12' },
      { path: 'prescriptions.this_month', dataset: 'prescriptions', stat: 'last' },
      { path: 'hsa.balance', dataset: 'hsa', stat: 'last' },
      { path: 'steps.avg_daily', dataset: 'steps', stat: 'avg12' },
      { path: 'copay.primary_care', range: [20, 40], decimals: 0 },
    ],
  },
  tone: ['caring', 'calm', 'reassuring'],
  vocabulary: [
    'deductible', 'copay', 'coinsurance', 'in-network', 'out-of-pocket maximum', 'EOB', 'HSA',
    'primary care', 'referral', 'formulary', 'premium', 'preventive care',
  ],
  welcome: 'Welcome to Clearbrook Health. Ask me about your coverage, deductible, visits or claims.',
  voice: 'shimmer',
};
