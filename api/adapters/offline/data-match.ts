import { STOPWORDS, tokens } from './words';

/** A dataset or KPI as the matcher sees it: its id, label, keywords and everyday phrasings. */
export interface Topic {
  id: string;
  label: string;
  keywords?: readonly string[];
  phrasings?: readonly string[];
}

interface Cue {
  topic: string;
  /** A name (id, label, keyword) or an everyday phrasing. */
  from: 'name' | 'phrasing';
  /** Every word, in order (for exact matches). */
  all: string[];
  /** Topic words of the cue (stop words removed), stemmed. */
  words: string[];
  /** Longer and more specific cues win: topic words first, then every word as a tie-break. */
  weight: number;
}

export interface TopicHit {
  id: string;
  weight: number;
  /** How many words the matching cue has, stop words included. */
  length: number;
  /** Where in the message it was named, so "checking and savings" keeps that order. */
  at: number;
}

const cache = new WeakMap<readonly Topic[], Cue[]>();

function cuesOf(topics: readonly Topic[]): Cue[] {
  const cached = cache.get(topics);
  if (cached) return cached;
  const cues = topics.flatMap((t) =>
    [
      ...[t.id.replace(/[_-]/g, ' '), t.label, ...(t.keywords ?? [])].map((text) => ({ text, from: 'name' as const })),
      ...(t.phrasings ?? []).map((text) => ({ text, from: 'phrasing' as const })),
    ].flatMap(({ text, from }): Cue[] => {
      const all = tokens(text);
      const words = [...new Set(all.filter((w) => !STOPWORDS.has(w)))];
      // Names outrank phrasings of as many topic words; then the longer cue wins.
      const weight = words.length + (from === 'name' ? 0.5 : 0) + all.length / 100;
      return words.length ? [{ topic: t.id, from, all, words, weight }] : [];
    }),
  );
  cache.set(topics, cues);
  return cues;
}

/**
 * The topics a message names. Each cue matches when all its topic words are in the message (in
 * any order); the heaviest cues are taken first and each message word serves one topic only, so
 * "credit card balance" is the card and not also the checking "balance".
 */
export function topicsIn(message: string, topics: readonly Topic[], limit = 4): TopicHit[] {
  const words = tokens(message);
  const free = words.map((w) => !STOPWORDS.has(w));
  const ranked = cuesOf(topics)
    .filter((c) => c.words.every((w) => words.includes(w)))
    .sort((a, b) => b.weight - a.weight);
  const hits: TopicHit[] = [];
  for (const cue of ranked) {
    if (hits.some((h) => h.id === cue.topic)) continue;
    // A second topic needs more than one everyday word: "how much money is in savings" is savings, not also checking.
    if (hits.length && cue.from === 'phrasing' && cue.words.length < 2) continue;
    const at = cue.words.map((w) => words.findIndex((x, i) => x === w && free[i]));
    if (at.some((i) => i < 0)) continue;
    for (const i of at) free[i] = false;
    hits.push({ id: cue.topic, weight: cue.weight, length: cue.all.length, at: Math.min(...at) });
    if (hits.length === limit) break;
  }
  return hits;
}

/**
 * The topic whose cue appears word for word in the message, longest first: for KPIs, whose
 * phrasings differ from a dataset's only by time words ("claims this year" is the 12-month KPI,
 * "my claims" the chart).
 */
export function exactTopicIn(message: string, topics: readonly Topic[]): TopicHit | undefined {
  const text = ` ${tokens(message).join(' ')} `;
  let best: TopicHit | undefined;
  for (const cue of cuesOf(topics)) {
    const at = text.indexOf(` ${cue.all.join(' ')} `);
    if (at >= 0 && cue.all.length > (best?.length ?? 0))
      best = { id: cue.topic, weight: cue.weight, length: cue.all.length, at: text.slice(0, at).split(' ').length - 1 };
  }
  return best;
}
