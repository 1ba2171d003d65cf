import type { Mode } from '../../../../api/contracts/mode';

/** A pre-built mode as the presenter names it: the words the offline engine and the model both understand. */
export const TOUR: Array<{ id: string; phrase: string }> = [
  { id: 'banking', phrase: "Presto-Change-O, you're a bank" },
  { id: 'insurance', phrase: "Presto-Change-O, you're an insurer" },
  { id: 'healthcare', phrase: "Presto-Change-O, you're a hospital" },
  { id: 'retail', phrase: "Presto-Change-O, you're a retailer" },
  { id: 'airline', phrase: "Presto-Change-O, you're an airline" },
  { id: 'energy', phrase: "Presto-Change-O, you're an energy company" },
];

export const LANDING_SUGGESTIONS = [TOUR[0]!.phrase, TOUR[1]!.phrase, "Presto-Change-O, you're a veterinary clinic"];

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** Every question worth asking in this mode, built from its own contract (datasets, tabs), most telling first. */
export function questionsFor(mode: Mode): string[] {
  const balance = mode.datasets.find((d) => d.kind === 'balance') ?? mode.datasets[0];
  const flow = mode.datasets.find((d) => d.kind === 'flow' && d !== balance);
  const others = mode.datasets.filter((d) => d !== balance && d !== flow);
  const out: string[] = [];
  if (mode.datasets.some((d) => d.id === 'checking')) out.push('How much is left in my checking account?');
  else if (balance) out.push(`How is my ${lower(balance.label)} trending?`);
  if (flow) out.push(`Chart my ${lower(flow.label)} over the last 12 months`);
  out.push('How am I doing overall?');
  const [a, b] = mode.datasets;
  if (a && b) out.push(`Compare ${lower(a.label)} and ${lower(b.label)} over the last year`);
  for (const d of others) out.push(`Show me my ${lower(d.label)}`);
  const tab = mode.tabs[1] ?? mode.tabs[0];
  if (tab) out.push(`Go to the ${tab.label.toLowerCase()} tab`);
  if (balance) out.push(`Make me a picture of my ${lower(balance.label)}`);
  return [...new Set(out)];
}

/** The next industry to show off: the pre-built mode after this one in the tour. */
export function nextSwitch(currentId: string | null): string {
  const i = TOUR.findIndex((t) => t.id === currentId);
  return TOUR[(i + 1) % TOUR.length]!.phrase;
}

/**
 * What to offer now: two questions this mode answers that the presenter has not asked yet, then the
 * next industry. They come back after every answer and every switch, so the stage is never blank.
 */
export function suggestionsFor(mode: Mode | null, asked: readonly string[] = []): string[] {
  if (!mode) return LANDING_SUGGESTIONS;
  const said = new Set(asked.map((a) => a.trim().toLowerCase()));
  const fresh = questionsFor(mode).filter((q) => !said.has(q.toLowerCase()));
  return [...fresh.slice(0, 2), nextSwitch(mode.id)];
}
