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
    [t.id.replace(/[_-]/g, ' '), t.label, ...(t.keywords ?? []), ...(t.phrasings ?? [])].flatMap((text): Cue[] => {
      const all = tokens(text);
      const words = [...new Set(all.filter((w) => !STOPWORDS.has(w)))];
      return words.length ? [{ topic: t.id, all, words, weight: words.length + all.length / 100 }] : [];
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
