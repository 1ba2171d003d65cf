/**
 * Patterns of text that tries to steer a model rather than name an industry (docs/pitfalls.md 9.1; OWASP
 * LLM01). Used twice: to cut such text out of a requested industry or company before it goes
 * anywhere, and to reject a generated mode whose fields contain it before it is stored.
 * Deliberately broad: an industry name never needs any of these.
 */
const INSTRUCTION_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  [
    'ignore-instructions',
    /\b(?:ignore|disregard|forget|override|bypass)\b[\s\S]{0,40}\b(?:instructions?|rules|prompts?|guidelines|directions|above|previous|prior|everything)\b/i,
  ],
  ['system-prompt', /\bsystem\s*(?:prompt|message|instructions?)\b|\bhidden\s+(?:prompt|instructions?)\b/i],
  [
    'reveal',
    /\b(?:reveal|print|show|repeat|leak|dump|output|tell\s+me|display)\b[\s\S]{0,40}\b(?:prompt|instructions?|rules|secrets?|keys?|passwords?|config(?:uration)?|context)\b/i,
  ],
  [
    'role-play',
    /\b(?:you\s+are\s+now|from\s+now\s+on|act\s+as|pretend(?:\s+to\s+be)?|roleplay|role-play|new\s+persona|developer\s+mode|jailbreak|DAN\s+mode|do\s+anything\s+now)\b/i,
  ],
  [
    'new-instructions',
    /\b(?:new|updated|real|actual|following)\s+(?:instructions?|rules|task|prompt)\b|\binstead\s*,?\s+(?:you|do|say|respond)\b/i,
  ],
  ['chat-role', /(?:^|[\s\n])(?:system|assistant|user|developer|tool)\s*:/i],
  ['markup', /<\/?[a-z!][^>]*>|\[\/?(?:INST|SYS)\]|<\|[a-z_]+\|>/i],
  [
    'code',
    /```|\$\{|\{\{|\}\}|=>|\b(?:eval|exec|require|import)\s*\(|\bconsole\.log\b|\bSELECT\s+\*|\bDROP\s+TABLE\b|\brm\s+-rf\b|;\s*--/i,
  ],
  ['url', /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|io|ai|dev|app|co|xyz|ru|cn)\b(?:\/|\s|$)/i],
  ['secrets', /\b(?:api[\s_-]?keys?|access\s+tokens?|env(?:ironment)?\s+variables?|process\.env)\b/i],
  ['tools', /\b(?:switch_mode|show_chart|show_metrics|select_tab|function\s+call|tool\s+call)\b/i],
  ['answer-as', /\b(?:respond|reply|answer|say|write|speak)\s+(?:only\s+)?(?:with|in|as|that)\b/i],
];

/**
 * Phrases from our own system prompt. Seeing one in generated output means the model echoed its
 * instructions (a prompt leak), so the output is refused.
 */
const PROMPT_LEAK_MARKERS = [
  'answer in one short sentence',
  'never invent numbers',
  'using the exact figures',
  'call switch_mode',
  'pre-built modes:',
  'key figures:',
  'ignore any instruction',
  'you are the',
  'you are talking with',
  'data, not instructions',
  'json matching the schema',
  'every tab and metric names',
];

/** Names of the instruction patterns found in `text` (empty when clean). */
export function instructionFindings(text: string): string[] {
  return INSTRUCTION_PATTERNS.filter(([, re]) => re.test(text)).map(([name]) => name);
}

/** Instruction patterns plus echoes of the system prompt: what a stored generated field must not contain. */
export function outputFindings(text: string): string[] {
  const lower = text.toLowerCase();
  const leaks = PROMPT_LEAK_MARKERS.some((m) => lower.includes(m)) ? ['prompt-leak'] : [];
  return [...instructionFindings(text), ...leaks];
}

/** Where the first instruction-like text starts, or -1. */
export function firstInstructionIndex(text: string): number {
  let first = -1;
  for (const [, re] of INSTRUCTION_PATTERNS) {
    const m = re.exec(text);
    if (m && (first < 0 || m.index < first)) first = m.index;
  }
  return first;
}
