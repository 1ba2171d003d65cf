import type { Mode } from '../../contracts/mode';
import { deriveTheme } from '../palette';

/** Navy, the colour most large retail banks lean on for trust; our own shade. */
export const banking: Mode = {
  id: 'banking',
  name: 'Banking',
  companyName: 'Harborstone Bank',
  tagline: 'Steady banking for every tide of life.',
  source: 'builtin',
  theme: deriveTheme('#1b4d8c'),
  tabs: [
    { id: 'accounts', label: 'Accounts', icon: 'wallet', datasetIds: ['checking', 'savings', 'income'] },
    { id: 'transfers', label: 'Transfers', icon: 'transfer', datasetIds: ['transfers', 'checking'] },
    { id: 'cards', label: 'Cards', icon: 'card', datasetIds: ['credit_card', 'transactions', 'spending'] },
    { id: 'mortgage', label: 'Mortgage', icon: 'house', datasetIds: ['mortgage'] },
    { id: 'insights', label: 'Insights', icon: 'chart', datasetIds: ['spending', 'credit_score'] },
  ],
  metrics: [
    { id: 'checking_balance', label: 'Checking balance', format: 'currency', personaPath: 'checking.balance', icon: 'wallet' },
    { id: 'savings_balance', label: 'Savings balance', format: 'currency', personaPath: 'savings.balance', icon: 'star' },
    { id: 'card_balance', label: 'Credit card balance', format: 'currency', personaPath: 'credit_card.balance', icon: 'card' },
    { id: 'mortgage_remaining', label: 'Mortgage remaining', format: 'currency', personaPath: 'mortgage.remaining', icon: 'house' },
  ],
  datasets: [
    {
      id: 'checking', label: 'Checking balance', unit: 'USD', kind: 'balance', defaultChart: 'line',
      keywords: ['checking', 'checking account', 'current account', 'everyday account', 'debit account'],
      series: { shape: 'walk', start: [2400, 4800], drift: 15, noise: 0.12, min: 150, max: 15000, decimals: 2 },
    },
    {
      id: 'savings', label: 'Savings balance', unit: 'USD', kind: 'balance', defaultChart: 'area',
      keywords: ['savings', 'savings account', 'high-yield savings', 'emergency fund', 'rainy day fund'],
      series: { shape: 'walk', start: [8000, 22000], drift: 180, noise: 0.03, min: 0, max: 100000, decimals: 2 },
    },
    {
      id: 'credit_card', label: 'Credit card balance', unit: 'USD', kind: 'balance', defaultChart: 'bar',
      keywords: ['credit card', 'card balance', 'credit card bill', 'card statement', 'amount owed on my card'],
      series: { shape: 'walk', start: [600, 2200], drift: 0, noise: 0.25, min: 0, max: 4500, decimals: 2 },
    },
    {
      id: 'mortgage', label: 'Mortgage remaining', unit: 'USD', kind: 'balance', defaultChart: 'line',
      keywords: ['mortgage', 'home loan', 'house loan', 'principal', 'mortgage balance', 'left on my mortgage'],
      series: { shape: 'burndown', start: [302000, 318000], drift: -1100, noise: 0.05, min: 0, max: 400000, decimals: 2 },
    },
    {
      id: 'spending', label: 'Monthly spending', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['spending', 'spent', 'expenses', 'outgoings', 'budget'],
      series: { shape: 'seasonal', start: [2600, 3400], drift: 8, noise: 0.12, min: 800, max: 9000, decimals: 2 },
    },
    {
      id: 'transactions', label: 'Card transactions', unit: 'count', kind: 'count', defaultChart: 'bar',
      keywords: ['transactions', 'transaction count', 'how many purchases', 'card swipes'],
      series: { shape: 'seasonal', start: [38, 55], drift: 0.2, noise: 0.15, min: 5, max: 150, decimals: 0 },
    },
    {
      id: 'credit_score', label: 'Credit score', unit: 'points', kind: 'score', defaultChart: 'line',
      keywords: ['credit score', 'credit rating', 'creditworthiness', 'credit report'],
      series: { shape: 'walk', start: [690, 740], drift: 1.5, noise: 0.008, min: 300, max: 850, decimals: 0 },
    },
    {
      id: 'income', label: 'Monthly deposits', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['income', 'deposits', 'paycheck', 'salary', 'direct deposit'],
      series: { shape: 'walk', start: [5200, 6400], drift: 10, noise: 0.04, min: 0, max: 20000, decimals: 2 },
    },
    {
      id: 'transfers', label: 'Transfers sent', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['transfers', 'money sent', 'wire transfer', 'sent to friends', 'bank transfer'],
      series: { shape: 'seasonal', start: [600, 1200], drift: 5, noise: 0.2, min: 0, max: 5000, decimals: 2 },
    },
  ],
  persona: {
    role: 'customer',
    fields: [
      { path: 'checking.balance', dataset: 'checking', stat: 'last' },
      { path: 'savings.balance', dataset: 'savings', stat: 'last' },
      { path: 'credit_card.balance', dataset: 'credit_card', stat: 'last' },
      { path: 'mortgage.remaining', dataset: 'mortgage', stat: 'last' },
      { path: 'mortgage.change_12m', dataset: 'mortgage', stat: 'change12' },
      { path: 'spending.avg_monthly', dataset: 'spending', stat: 'avg12' },
      { path: 'income.total_12m', dataset: 'income', stat: 'sum12' },
      { path: 'transfers.total_12m', dataset: 'transfers', stat: 'sum12' },
      { path: 'credit_score.current', dataset: 'credit_score', stat: 'last' },
      { path: 'credit_card.limit', range: [6000, 15000], decimals: 0 },
      { path: 'savings.apy', range: [3.6, 4.6], decimals: 2 },
      { path: 'mortgage.rate', range: [5.4, 6.9], decimals: 2 },
    ],
  },
  tone: ['trustworthy', 'reassuring', 'precise'],
  vocabulary: [
    'account', 'balance', 'deposit', 'transfer', 'statement', 'APR', 'overdraft',
    'routing number', 'autopay', 'principal', 'escrow', 'interest',
  ],
  welcome: 'Welcome to Harborstone Bank. Ask me about your accounts, transfers or mortgage.',
  voice: 'sage',
};
