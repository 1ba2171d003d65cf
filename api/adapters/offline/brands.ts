import type { BuiltinModeId } from '../../contracts/mode';

/**
 * Well-known companies the offline engine recognises the way a model would ("you're Wells Fargo"
 * means a bank called Wells Fargo). Colours are *inspired by* each brand — a nearby shade of the
 * hue people associate with it, never the trademark colour itself.
 */
export interface Brand {
  name: string;
  /** The industry in plain words, as a model would pass it to switch_mode. */
  industry: string;
  builtin: BuiltinModeId | null;
  color: string;
}

const BRANDS: Brand[] = [
  { name: 'Wells Fargo', industry: 'bank', builtin: 'banking', color: '#b8232f' },
  { name: 'Chase', industry: 'bank', builtin: 'banking', color: '#1a62a8' },
  { name: 'Bank of America', industry: 'bank', builtin: 'banking', color: '#1d3f86' },
  { name: 'Citibank', industry: 'bank', builtin: 'banking', color: '#1670b0' },
  { name: 'Capital One', industry: 'bank', builtin: 'banking', color: '#11466e' },
  { name: 'Barclays', industry: 'bank', builtin: 'banking', color: '#0e7fb5' },
  { name: 'HSBC', industry: 'bank', builtin: 'banking', color: '#c0262d' },
  { name: 'Geico', industry: 'insurer', builtin: 'insurance', color: '#1b5aa3' },
  { name: 'State Farm', industry: 'insurer', builtin: 'insurance', color: '#bf2330' },
  { name: 'Allstate', industry: 'insurer', builtin: 'insurance', color: '#143f86' },
  { name: 'Progressive', industry: 'insurer', builtin: 'insurance', color: '#1f5bb0' },
  { name: 'Kaiser Permanente', industry: 'health plan', builtin: 'healthcare', color: '#1f5ca3' },
  { name: 'Walmart', industry: 'retailer', builtin: 'retail', color: '#1d6bc9' },
  { name: 'Target', industry: 'retailer', builtin: 'retail', color: '#c0191f' },
  { name: 'Costco', industry: 'retailer', builtin: 'retail', color: '#b3202c' },
  { name: 'Delta', industry: 'airline', builtin: 'airline', color: '#8f1c33' },
  { name: 'United Airlines', industry: 'airline', builtin: 'airline', color: '#1c4b98' },
  { name: 'Southwest Airlines', industry: 'airline', builtin: 'airline', color: '#2e4cab' },
  { name: 'Duke Energy', industry: 'utility', builtin: 'energy', color: '#1b5d99' },
  { name: 'Starbucks', industry: 'coffee shop', builtin: null, color: '#1e6a4b' },
  { name: 'Banfield Pet Hospital', industry: 'veterinary clinic', builtin: null, color: '#1f6fb2' },
];

const ALIASES: Record<string, string> = {
  'wells fargo bank': 'Wells Fargo',
  'jpmorgan chase': 'Chase',
  'chase bank': 'Chase',
  citi: 'Citibank',
  bofa: 'Bank of America',
  united: 'United Airlines',
  'delta airlines': 'Delta',
  'delta air lines': 'Delta',
  southwest: 'Southwest Airlines',
  kaiser: 'Kaiser Permanente',
  banfield: 'Banfield Pet Hospital',
};

const norm = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9&\s]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The brand a whole phrase names ("Wells Fargo", "wells fargo bank"), or undefined. */
export function findBrand(phrase: string): Brand | undefined {
  const key = norm(phrase);
  // Own keys only: "constructor" or "toString" must not find Object.prototype's functions.
  const name = Object.hasOwn(ALIASES, key) ? ALIASES[key]! : key;
  return BRANDS.find((b) => norm(b.name) === norm(name));
}
