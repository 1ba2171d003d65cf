import type { BuiltinModeId } from '../../api/contracts/mode';

/**
 * How people actually talk to the demo, across every pre-built mode: mode commands with the mode
 * they must reach, data questions with the dataset (or KPI) they must chart, follow-ups that lean
 * on the previous chart, and messages that are no command at all and must never switch. Asserted
 * one by one in tests/unit/adapters/offline-corpus.test.ts and reported as accuracy by `npm run bench`.
 */
export type CorpusCase =
  | {
      kind: 'command';
      mode: BuiltinModeId;
      text: string;
      builtin: BuiltinModeId | null;
      industry?: string;
      company?: string;
    }
  | { kind: 'data'; mode: BuiltinModeId; text: string; datasets: string[] }
  | { kind: 'metric'; mode: BuiltinModeId; text: string; metric: string }
  | {
      kind: 'follow-up';
      mode: BuiltinModeId;
      previous: string[];
      text: string;
      datasets: string[];
      rangeMonths?: number;
      chartType?: 'line' | 'bar' | 'area' | 'pie';
    }
  | { kind: 'not-a-command'; mode: BuiltinModeId; text: string };

const command = (
  mode: BuiltinModeId,
  text: string,
  builtin: BuiltinModeId | null,
  extra: { industry?: string; company?: string } = {},
): CorpusCase => ({
  kind: 'command',
  mode,
  text,
  builtin,
  ...extra,
});
const data = (mode: BuiltinModeId, text: string, ...datasets: string[]): CorpusCase => ({
  kind: 'data',
  mode,
  text,
  datasets,
});
const metric = (mode: BuiltinModeId, text: string, id: string): CorpusCase => ({
  kind: 'metric',
  mode,
  text,
  metric: id,
});
const followUp = (
  mode: BuiltinModeId,
  previous: string[],
  text: string,
  datasets: string[],
  extra: { rangeMonths?: number; chartType?: 'line' | 'bar' | 'area' | 'pie' } = {},
): CorpusCase => ({ kind: 'follow-up', mode, previous, text, datasets, ...extra });
const chat = (mode: BuiltinModeId, text: string): CorpusCase => ({ kind: 'not-a-command', mode, text });

export const CORPUS: readonly CorpusCase[] = [
  // Mode commands, every grammar the issue lists.
  command('banking', "Presto-Change-O, you're a bank", 'banking'),
  command('banking', 'presto change-o you are an insurance company', 'insurance'),
  command('banking', 'hey presto, turn yourself into an insurer', 'insurance'),
  command('banking', 'Presto chango, make yourself an airline', 'airline'),
  command('banking', 'presto change-o: be a hospital', 'healthcare'),
  command('banking', "Presto-Change-O, you're a car insurance company", 'insurance'),
  command('insurance', 'make yourself a bank please', 'banking'),
  command('banking', 'please turn into an energy company', 'energy'),
  command('banking', 'you are now a retailer', 'retail'),
  command('banking', 'act as a health plan', 'healthcare'),
  command('banking', "PRESTO CHANGE-O YOU'RE AN AIRLINE!!", 'airline'),
  command('airline', "presto changeo, you're a utility", 'energy'),
  command('airline', "Presto, you're Wells Fargo", 'banking', { company: 'Wells Fargo' }),
  command('retail', "presto change-o, you're a bank called Acme Savings", 'banking', { company: 'Acme Savings' }),
  command('banking', "you're Geico", 'insurance', { company: 'Geico' }),
  command('banking', "Presto, you're a veterinary clinic called Happy Paws", null, {
    industry: 'veterinary clinic',
    company: 'Happy Paws',
  }),
  command('banking', "Presto-Change-O, you're a food bank", null, { industry: 'food bank' }),
  command('banking', "presto change-o, you're a blood bank", null, { industry: 'blood bank' }),
  command('banking', 'could you please become an online store?', 'retail'),
  command('energy', 'I want you to be an airline', 'airline'),
  command('banking', 'switch to insurance mode', 'insurance'),
  command('banking', 'retail mode please', 'retail'),
  command('banking', 'presto change-o, a bakery', null, { industry: 'bakery' }),
  command('banking', 'Presto chango! Delta', 'airline', { company: 'Delta' }),
  command('banking', 'presto change-o, be Kaiser', 'healthcare', { company: 'Kaiser Permanente' }),
  command('banking', "ok presto, you're a power company now", 'energy'),
  command('banking', 'Presto-Change-O, you are an electric company', 'energy'),
  command('banking', 'turn yourself into a department store, presto!', 'retail'),
  command('energy', "hey presto change o, you're a credit union", 'banking'),
  command('banking', "Presto, you're Acme Insurance", 'insurance', { company: 'Acme Insurance' }),
  command('banking', "presto change-o, you're a dentist's office", null),
  command('banking', 'transform into a law firm', null, { industry: 'law firm' }),
  command('banking', "presto, pretend you're a hotel", null, { industry: 'hotel' }),
  command('banking', "now you're a gym", null, { industry: 'gym' }),
  command('banking', "you're a pizzeria, presto change-o", null, { industry: 'pizzeria' }),
  command('banking', 'Presto-Change-O, make yourself a Chase bank', 'banking', { company: 'Chase' }),
  command('banking', 'be an insurer named SafeHarbor', 'insurance', { company: 'SafeHarbor' }),
  command('insurance', 'be a car insurance company', 'insurance'),
  command('insurance', 'presto change-o: be a bank', 'banking'),
  command('banking', "Presto chango, you're a hospital", 'healthcare'),
  command('banking', "presto change-o you're Target", 'retail', { company: 'Target' }),
  command('banking', "Presto-Change-O, you're Southwest", 'airline', { company: 'Southwest Airlines' }),
  command('banking', "Presto, you're Duke Energy", 'energy', { company: 'Duke Energy' }),
  command('banking', "presto change-o, you're a home insurance company", 'insurance'),
  command('banking', "presto change-o, you're an auto insurer", 'insurance'),
  command('banking', "Presto Change-O, you're a life insurance company", 'insurance'),
  command('insurance', "presto, you're an online bank", 'banking'),
  command('banking', "presto change-o, you're a budget airline", 'airline'),
  command('banking', "presto change-o, you're a solar energy company", 'energy'),
  command('healthcare', 'Presto-Change-O, turn into a university', null, { industry: 'university' }),
  command('retail', 'act as a public library', null, { industry: 'public library' }),
  command('banking', "PRESTO CHANGE-O YOU'RE A CAR INSURANCE COMPANY", 'insurance', {
    industry: 'car insurance company',
  }),
  command('retail', "Presto-Change-O, you're a bank. Show me my savings", 'banking', { industry: 'bank' }),
  command('energy', "Presto, you're First National Bank", 'banking', { company: 'First National Bank' }),
  command('banking', "presto change-o, you're a bakery, and make it pink", null, { industry: 'bakery' }),

  // Data questions in everyday words.
  data('banking', 'How much is left in my checking account?', 'checking'),
  data('banking', 'how much do I still owe on the house?', 'mortgage'),
  data('banking', "what's my savings balance", 'savings'),
  data('banking', 'how much money do I have', 'checking'),
  data('banking', 'where does my money go?', 'spending'),
  data('banking', 'Show me my mortgage burndown', 'mortgage'),
  data('banking', 'compare checking and savings over the last year', 'checking', 'savings'),
  data('banking', 'what do I owe on my card', 'credit_card'),
  data('banking', "how's my credit?", 'credit_score'),
  data('banking', 'how much did I get paid last month', 'income'),
  data('banking', 'how much did I send to friends', 'transfers'),
  data('banking', 'how many card transactions this month', 'transactions'),
  data('banking', 'how much do I spend a month?', 'spending'),
  data('banking', "what's my FICO score", 'credit_score'),
  data('banking', 'when will the house be paid off', 'mortgage'),
  data('banking', 'how much money is in savings right now', 'savings'),
  data('banking', 'how much interest am I paying on my mortgage', 'mortgage'),
  data('banking', 'am I overspending?', 'spending'),
  data('healthcare', 'how much have I spent on healthcare this year', 'out_of_pocket'),
  data('insurance', 'when is my next premium due and how much?', 'auto_premium'),
  data('insurance', 'show my claims this year', 'open_claims'),
  data('insurance', "what's my house insured for?", 'home_coverage'),
  data('insurance', 'how much is my car insurance', 'auto_premium'),
  data('insurance', 'how safe is my driving?', 'driving_score'),
  data('insurance', 'what is my life policy worth?', 'life_cash_value'),
  data('insurance', 'what did insurance pay out to me?', 'claims_paid'),
  data('insurance', 'what does my homeowners insurance cost', 'home_premium'),
  data('insurance', 'any claims pending?', 'open_claims'),
  data('insurance', 'what do I pay for life insurance each month', 'life_premium'),
  data('insurance', 'my driving score', 'driving_score'),
  data('insurance', 'how much is my home premium', 'home_premium'),
  data('healthcare', 'how much of my deductible is left?', 'deductible'),
  data('healthcare', 'what has my plan paid so far', 'coverage'),
  data('healthcare', 'how much have I paid out of pocket', 'out_of_pocket'),
  data('healthcare', 'how often did I see the doctor', 'visits'),
  data('healthcare', 'how much is in my HSA', 'hsa'),
  data('healthcare', 'my prescriptions', 'prescriptions'),
  data('healthcare', 'how many steps do I walk a day', 'steps'),
  data('healthcare', 'how close am I to my deductible', 'deductible'),
  data('healthcare', 'show my claims', 'claims'),
  data('healthcare', 'what did I pay in copays', 'out_of_pocket'),
  data('healthcare', 'how many meds did I pick up at the pharmacy', 'prescriptions'),
  data('healthcare', 'how much money is in my health savings account', 'hsa'),
  data('retail', 'how many points do I have', 'rewards'),
  data('retail', "what's my gift card balance", 'gift_card'),
  data('retail', 'when will my package arrive', 'delivery_time'),
  data('retail', 'how much did I save with coupons', 'deal_savings'),
  data('retail', 'how many orders did I place', 'orders'),
  data('retail', 'what did I return', 'returns'),
  data('retail', 'how much have I spent with you', 'purchases'),
  data('retail', 'show my refunds', 'returns'),
  data('retail', 'my rewards', 'rewards'),
  data('retail', 'how much store credit is left', 'gift_card'),
  data('retail', 'how fast is shipping', 'delivery_time'),
  data('airline', 'how many miles do I have', 'miles_balance'),
  data('airline', 'how close am I to gold status?', 'status_points'),
  data('airline', 'how many flights did I take', 'flights'),
  data('airline', 'how much did I spend on flights', 'travel_spend'),
  data('airline', 'are my flights on time', 'on_time'),
  data('airline', 'how often was I delayed', 'on_time'),
  data('airline', 'did I get upgraded', 'upgrades'),
  data('airline', 'miles earned last year', 'miles_earned'),
  data('airline', 'what did I pay for tickets', 'travel_spend'),
  data('airline', 'my frequent flyer balance', 'miles_balance'),
  data('airline', 'how many trips did I take', 'flights'),
  data('energy', 'how much electricity did I use last month', 'usage'),
  data('energy', 'how much is my bill', 'bill'),
  data('energy', 'what did my solar panels produce', 'solar'),
  data('energy', 'how green is my energy', 'renewable_share'),
  data('energy', 'how much does charging my car cost', 'ev_charging'),
  data('energy', 'any power outages?', 'outages'),
  data('energy', 'when do I use the most power', 'peak_share'),
  data('energy', 'how much energy do I use', 'usage'),
  data('energy', 'what do I owe this month', 'bill'),
  data('energy', 'my EV charging', 'ev_charging'),
  data('energy', 'show my solar generation over the last 6 months', 'solar'),
  data('energy', 'how many kWh did I use', 'usage'),
  metric('healthcare', 'how many claims this year', 'claims_12m'),
  metric('healthcare', 'how many visits this year', 'visits_12m'),
  metric('retail', 'how much did I spend this year', 'spend_12m'),
  metric('airline', 'how many flights this year?', 'flights_12m'),
  metric('airline', 'what was my total travel spend', 'travel_spend_12m'),
  metric('energy', 'how much solar this year', 'solar_12m'),

  // Follow-ups that lean on the chart just shown.
  followUp('banking', ['checking'], 'and savings?', ['savings']),
  followUp('banking', ['checking'], 'what about last year?', ['checking'], { rangeMonths: 12 }),
  followUp('banking', ['spending'], 'show that as bars', ['spending'], { chartType: 'bar' }),
  followUp('banking', ['checking'], 'compare that with savings', ['checking', 'savings']),
  followUp('banking', ['mortgage'], 'over the last 6 months?', ['mortgage'], { rangeMonths: 6 }),
  followUp('insurance', ['auto_premium'], 'and my home premium?', ['home_premium']),
  followUp('insurance', ['open_claims'], 'what about the last 3 months', ['open_claims'], { rangeMonths: 3 }),
  followUp('healthcare', ['deductible'], 'and my HSA?', ['hsa']),
  followUp('healthcare', ['visits'], 'as a pie chart', ['visits'], { chartType: 'pie' }),
  followUp('retail', ['purchases'], 'what about last year?', ['purchases']),
  followUp('retail', ['orders'], 'and returns?', ['returns']),
  followUp('airline', ['miles_balance'], 'and miles earned?', ['miles_earned']),
  followUp('airline', ['flights'], 'same for the past two years', ['flights'], { rangeMonths: 24 }),
  followUp('energy', ['usage'], 'and the bill?', ['bill']),
  followUp('energy', ['bill'], 'what about last year?', ['bill']),
  followUp('energy', ['solar'], 'show it as a line', ['solar'], { chartType: 'line' }),

  // Not commands: these must never switch the mode.
  chat('airline', 'what does presto mean in music?'),
  chat('airline', "Presto is my cat's name"),
  chat('airline', 'can you change my password?'),
  chat('banking', "let's talk about presto pasta recipes"),
  chat('banking', 'presto is a tempo marking'),
  chat('banking', 'what would it be like to be rich?'),
  chat('airline', 'I want to be a pilot when I grow up'),
  chat('healthcare', 'my daughter wants to become a doctor'),
  chat('banking', "you're a lifesaver"),
  chat('retail', 'you are a great assistant'),
  chat('banking', 'be honest, am I spending too much?'),
  chat('banking', 'are you a bank?'),
  chat('energy', 'switch to dark mode'),
  chat('energy', 'can you turn the lights off'),
  chat('insurance', 'I used to work at a bank'),
  chat('banking', 'my brother is an insurance agent'),
  chat('banking', 'is this a real bank?'),
  chat('retail', "thanks, that's all"),
  chat('retail', 'hello'),
  chat('energy', "what's the weather like?"),
  chat('airline', 'tell me a joke'),
  chat('banking', 'I watched a magic show with a presto trick'),
  chat('retail', 'presto pesto is my favourite restaurant'),
  chat('banking', 'the bank is closed today'),
  chat('banking', 'should I become a banker?'),
  chat('insurance', 'change my address please'),
  chat('banking', 'make it bigger'),
  chat('retail', "I'd like to be a member"),
  chat('banking', 'Presto! that was fast'),
  chat('healthcare', 'you are a star'),
];
