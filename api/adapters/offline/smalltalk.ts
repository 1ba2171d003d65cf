import { BUILTIN_MODE_IDS, type Mode } from '../../contracts/mode';
import { hashString } from '../../domain/persona';

/** How each pre-built mode is asked for, to suggest a change that is not the mode already shown. */
const SWITCH_EXAMPLES: Record<(typeof BUILTIN_MODE_IDS)[number], string> = {
  banking: "Presto-Change-O, you're a bank",
  insurance: "Presto-Change-O, you're an insurer",
  healthcare: "Presto-Change-O, you're a health plan",
  retail: "Presto-Change-O, you're a store",
  airline: "Presto-Change-O, you're an airline",
  energy: "Presto-Change-O, you're an energy company",
};

const QUESTION_START =
  /^(?:how|what|whats|when|where|which|who|why|is|are|am|do|does|did|can|could|will|have|has|should)\b/i;

/** Words people write in lower case that a sentence should not. */
const PROPER = new Map<string, string>(
  Object.entries({
    ev: 'EV',
    hsa: 'HSA',
    kwh: 'kWh',
    fico: 'FICO',
    eob: 'EOB',
    i: 'I',
    visa: 'Visa',
  }),
);

/** A dataset's everyday phrasing as a question to try ("How much do I still owe on the house?"). */
function exampleQuestion(d: Mode['datasets'][number]): string {
  const phrasings = d.phrasings ?? [];
  const phrasing = phrasings.find((p) => QUESTION_START.test(p)) ?? phrasings.find((p) => /^show\b/i.test(p));
  const text = (phrasing ?? `show me my ${d.label.toLowerCase()}`)
    .replace(/[?.!]+$/, '')
    .replace(/\b[a-z]+\b/g, (w) => PROPER.get(w) ?? w);
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return QUESTION_START.test(text) ? `${sentence}?` : sentence;
}

/** What kind of off-script message it was, so the answer can fit what was said. */
type Topic =
  | 'greeting'
  | 'thanks'
  | 'bye'
  | 'identity'
  | 'help'
  | 'presto-word'
  | 'pet'
  | 'account-action'
  | 'feelings-bad'
  | 'feelings-good'
  | 'joke'
  | 'weather'
  | 'other';

const TOPICS: [Topic, RegExp][] = [
  [
    'presto-word',
    /\bpresto\b.*\b(?:mean|meaning|music|tempo|italian|word|origin|magic|pasta|pesto|trick)\b|\b(?:mean|meaning)\b.*\bpresto\b/i,
  ],
  ['pet', /\b(?:my|our)\s+(?:cat|dog|kitten|puppy|pet|hamster|parrot|rabbit|goldfish)\b|\bcat'?s\s+name\b/i],
  [
    'account-action',
    /\b(?:password|log\s?in|login|sign\s?in|username|pin|reset|unlock|locked|cancel|close\s+my|delete\s+my|update\s+my|change\s+my|address|phone\s+number|email|two[-\s]factor|2fa|verify|dispute|refund\s+me|pay\s+(?:my|the)\s+bill|book\s+(?:a|an|me)|schedule|appointment\s+for|freeze|replace\s+my)\b/i,
  ],
  ['thanks', /\b(?:thanks|thank\s+you|thx|cheers|appreciate\s+it|great\s+job|nice\s+work)\b/i],
  ['bye', /^(?:bye|goodbye|see\s+you|later|good\s+night|that'?s\s+all)\b/i],
  ['greeting', /^(?:hi|hello|hey|hiya|howdy|good\s+(?:morning|afternoon|evening)|yo|greetings)\b/i],
  [
    'identity',
    /\b(?:who\s+are\s+you|what\s+are\s+you|are\s+you\s+(?:a\s+)?(?:real|human|bot|robot|ai|person)|your\s+name)\b/i,
  ],
  [
    'help',
    /\b(?:help|what\s+can\s+(?:you|i)\s+(?:do|ask)|how\s+does\s+this\s+work|what\s+should\s+i\s+(?:ask|say)|options|menu)\b/i,
  ],
  ['joke', /\b(?:joke|funny|make\s+me\s+laugh)\b/i],
  ['weather', /\b(?:weather|rain|sunny|temperature|forecast)\b/i],
  ['feelings-bad', /\b(?:stressed|worried|broke|sad|angry|annoyed|frustrated|terrible|awful|hate|ugh)\b/i],
  ['feelings-good', /\b(?:love|awesome|amazing|cool|great|nice|wonderful|happy)\b/i],
];

function topicOf(text: string): Topic {
  return TOPICS.find(([, re]) => re.test(text))?.[0] ?? 'other';
}

/** Two or three ways to say each thing, picked by the message so the same words are not repeated. */
const OPENERS: Record<Topic, string[]> = {
  greeting: ['Hello, and welcome to {company}!', 'Hi there! This is {company}.', 'Good to see you at {company}.'],
  thanks: ["You're welcome!", 'Happy to help.', 'Any time.'],
  bye: ['Thanks for stopping by {company}.', 'Goodbye for now, and come back any time.'],
  identity: [
    "I'm the {company} assistant, here to walk you through your {role} dashboard.",
    "I'm {company}'s digital assistant: I read your numbers and put them on screen.",
  ],
  help: [
    'I can chart anything on this dashboard, open a tab, or sum up your figures.',
    'Ask about anything on your dashboard and I will chart it, or ask for an overview.',
  ],
  'presto-word': [
    'Presto is Italian for "quickly", which is about how fast I can change this whole site.',
    'In music, presto means very fast, and in magic it means the trick is done.',
  ],
  pet: [
    'What a lovely name for a pet, with a little magic in it.',
    'That sounds like a wonderful companion.',
    'A fine name; please give them a scratch behind the ears from all of us.',
  ],
  'account-action': [
    "I can't make account changes from this demo assistant, but I can show you what is going on.",
    "That's something our support team handles; here I can show your numbers.",
    "I'm not able to change settings like that here, but I can walk you through your figures.",
  ],
  'feelings-bad': [
    "I'm sorry it feels that way; let's look at it together.",
    'That sounds stressful. Sometimes it helps to see the numbers plainly.',
  ],
  'feelings-good': ['Glad to hear it!', "That's great to hear."],
  joke: ['I only know number jokes, and they never add up.', 'My best joke is a pie chart: everyone wants a slice.'],
  weather: [
    "I can't see the weather from here, only your {company} dashboard.",
    'No forecast from me, I am afraid; I only know your {role} figures.',
  ],
  other: [
    "I'm not sure I can help with that here at {company}.",
    "That's outside what I can see on your {company} dashboard.",
    "I didn't quite catch that as something I can show you.",
  ],
};

const POINTERS = [
  'Try asking "{question}"',
  'You could ask "{question}"',
  'For example: "{question}"',
  'Ask me something like "{question}"',
];

/**
 * An in-character answer to a message that asked for no tool: it fits what was said, points at
 * something this mode can show (one of its own datasets, varied by the message), and when it
 * mentions changing industry suggests a mode other than the current one.
 */
export function smalltalkReply(mode: Mode, text = ''): string {
  const seed = hashString(`${mode.id}:${text.toLowerCase().trim()}`);
  const topic = topicOf(text);
  const fill = (s: string) => s.replaceAll('{company}', mode.companyName).replaceAll('{role}', mode.persona.role);
  const opener = fill(OPENERS[topic][seed % OPENERS[topic].length]!);
  const dataset = mode.datasets[(seed >>> 3) % mode.datasets.length]!;
  const pointer = POINTERS[(seed >>> 7) % POINTERS.length]!.replace('{question}', exampleQuestion(dataset));
  if (topic === 'help' || topic === 'identity' || topic === 'presto-word') {
    const others = BUILTIN_MODE_IDS.filter((id) => id !== mode.id);
    const other = SWITCH_EXAMPLES[others[(seed >>> 11) % others.length]!];
    return `${opener} ${pointer}, or say "${other}" to change the whole site.`;
  }
  // A quoted question already ends the sentence: 'Try asking "How safe is my driving?"'.
  return pointer.endsWith('?"') ? `${opener} ${pointer}` : `${opener} ${pointer}.`;
}

/** A suggestion for a mode that is not `currentId`, for replies that invite a change of industry. */
export function otherModeExample(currentId: string, seed = 0): string {
  const others = BUILTIN_MODE_IDS.filter((id) => id !== currentId);
  return SWITCH_EXAMPLES[others[seed % others.length]!];
}
