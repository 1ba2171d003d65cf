/**
 * Text normalisation shared by the offline engine's parsers: lower case, straight apostrophes,
 * punctuation to spaces, and a light stemmer ("claims" → "claim", "deliveries" → "delivery") so an
 * everyday phrasing matches however it is inflected.
 */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// A Map, not an object: a message's words are looked up, and "constructor" or "toString" must not
// find Object.prototype's functions.
const IRREGULAR = new Map<string, string>(
  Object.entries({
    spent: 'spend',
    spending: 'spend',
    paid: 'pay',
    paying: 'pay',
    payment: 'pay',
    payments: 'pay',
    flew: 'fly',
    flying: 'fly',
    flown: 'fly',
    flight: 'flight',
    sent: 'send',
    sending: 'send',
    owed: 'owe',
    owing: 'owe',
    saved: 'save',
    saving: 'save',
    earned: 'earn',
    earning: 'earn',
    earnings: 'earn',
    bought: 'buy',
    buying: 'buy',
    used: 'use',
    using: 'use',
    usage: 'use',
    ordered: 'order',
    ordering: 'order',
    returned: 'return',
    charged: 'charge',
    charging: 'charge',
    visited: 'visit',
    donated: 'donate',
    donating: 'donate',
    children: 'child',
    people: 'person',
  }),
);

function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

export function stem(word: string): string {
  const w = IRREGULAR.get(word) ?? singular(word);
  return IRREGULAR.get(w) ?? w;
}

export function tokens(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ').map(stem) : [];
}

/**
 * Words that carry no topic: question words, pronouns, fillers and time words. A phrasing matches
 * when all of its *other* words are in the message, in any order.
 */
export const STOPWORDS = new Set(
  (
    'a an the my mine me i im ive id you your youre u ur we our us it its this that these those there ' +
    'hows whats wheres whens thats theres lets dont doesnt didnt cant wont isnt ' +
    'is are was were be been am do doe did done have ha had will would can could should shall may might ' +
    'how what whats when where which who why much many any some all each every so far yet still just ' +
    'of on in at to for from by with about over into up out off as than then and or but if not no ' +
    'show tell give let see look check view display get got want need know like please pls thank thanks ' +
    'right now currently current today total overall lately recently ever again also too very really ' +
    'month monthly year yearly years week last past this next previous one two three six twelve ' +
    'chart graph plot trend compare versus vs against hey hi hello ok okay well oh um'
  )
    .split(' ')
    .map(stem),
);
