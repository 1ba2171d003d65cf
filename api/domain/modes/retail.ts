import type { Mode } from '../../contracts/mode';
import { deriveTheme } from '../palette';

/** A bright, energetic orange-red like the big-box and online retailers use; our own shade. */
export const retail: Mode = {
  id: 'retail',
  name: 'Retail',
  companyName: 'Marigold & Main',
  tagline: 'Everyday finds, delivered with a smile.',
  source: 'builtin',
  theme: deriveTheme('#e8590c'),
  tabs: [
    { id: 'shop', label: 'Shop', icon: 'cart', datasetIds: ['purchases', 'orders'] },
    { id: 'orders', label: 'Orders', icon: 'box', datasetIds: ['orders', 'delivery_time', 'returns'] },
    { id: 'rewards', label: 'Rewards', icon: 'star', datasetIds: ['rewards', 'deal_savings'] },
    { id: 'wallet', label: 'Gift cards', icon: 'gift', datasetIds: ['gift_card'] },
    { id: 'insights', label: 'Insights', icon: 'chart', datasetIds: ['purchases', 'deal_savings'] },
  ],
  metrics: [
    { id: 'rewards_points', label: 'Rewards points', format: 'score', personaPath: 'rewards.points', icon: 'star' },
    { id: 'spend_12m', label: 'Spent (last 12 months)', format: 'currency', personaPath: 'purchases.total_12m', icon: 'cart' },
    { id: 'orders_month', label: 'Orders this month', format: 'number', personaPath: 'orders.this_month', icon: 'box' },
    { id: 'gift_card_balance', label: 'Gift card balance', format: 'currency', personaPath: 'gift_card.balance', icon: 'gift' },
  ],
  datasets: [
    {
      id: 'purchases', label: 'Monthly purchases', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['purchases', 'shopping spend', 'how much i spent', 'spending'],
      series: { shape: 'seasonal', start: [180, 320], drift: 1, noise: 0.35, min: 0, max: 3000, decimals: 2 },
    },
    {
      id: 'orders', label: 'Orders placed', unit: 'count', kind: 'count', defaultChart: 'bar',
      keywords: ['orders', 'order count', 'how many orders', 'order history'],
      series: { shape: 'seasonal', start: [3, 7], drift: 0.02, noise: 0.4, min: 0, max: 40, decimals: 0 },
    },
    {
      id: 'rewards', label: 'Rewards points', unit: 'points', kind: 'balance', defaultChart: 'line',
      keywords: ['rewards', 'points', 'loyalty points', 'reward balance'],
      series: { shape: 'walk', start: [2000, 5000], drift: 120, noise: 0.05, min: 0, max: 100000, decimals: 0 },
    },
    {
      id: 'deal_savings', label: 'Saved with deals', unit: 'USD', kind: 'flow', defaultChart: 'bar',
      keywords: ['discounts', 'deals', 'coupons', 'money saved'],
      series: { shape: 'seasonal', start: [15, 45], drift: 0.1, noise: 0.4, min: 0, max: 500, decimals: 2 },
    },
    {
      id: 'returns', label: 'Returns', unit: 'count', kind: 'count', defaultChart: 'bar',
      keywords: ['returns', 'refunds', 'sent back', 'exchanges'],
      series: { shape: 'walk', start: [0.3, 1.3], drift: 0, noise: 0.9, min: 0, max: 5, decimals: 0 },
    },
    {
      id: 'gift_card', label: 'Gift card balance', unit: 'USD', kind: 'balance', defaultChart: 'line',
      keywords: ['gift card', 'store credit', 'gift balance', 'voucher'],
      series: { shape: 'walk', start: [40, 140], drift: -1.5, noise: 0.15, min: 0, max: 500, decimals: 2 },
    },
    {
      id: 'delivery_time', label: 'Average delivery time', unit: 'days', kind: 'rate', defaultChart: 'line',
      keywords: ['delivery', 'delivery time', 'shipping time', 'arrival'],
      series: { shape: 'walk', start: [2.2, 3.8], drift: -0.02, noise: 0.12, min: 1, max: 10, decimals: 1 },
    },
  ],
  persona: {
    role: 'shopper',
    fields: [
      { path: 'rewards.points', dataset: 'rewards', stat: 'last' },
      { path: 'rewards.change_12m', dataset: 'rewards', stat: 'change12' },
      { path: 'purchases.total_12m', dataset: 'purchases', stat: 'sum12' },
      { path: 'purchases.this_month', dataset: 'purchases', stat: 'last' },
      { path: 'orders.this_month', dataset: 'orders', stat: 'last' },
      { path: 'orders.total_12m', dataset: 'orders', stat: 'sum12' },
      { path: 'deal_savings.total_12m', dataset: 'deal_savings', stat: 'sum12' },
      { path: 'returns.total_12m', dataset: 'returns', stat: 'sum12' },
      { path: 'gift_card.balance', dataset: 'gift_card', stat: 'last' },
      { path: 'delivery.avg_days', dataset: 'delivery_time', stat: 'last' },
    ],
  },
  tone: ['friendly', 'upbeat', 'helpful'],
  vocabulary: [
    'cart', 'checkout', 'order', 'rewards', 'points', 'coupon', 'deal', 'returns',
    'gift card', 'pickup', 'wishlist', 'delivery',
  ],
  welcome: 'Hi, welcome to Marigold & Main! Ask me about your orders, rewards or deals.',
  voice: 'verse',
};
