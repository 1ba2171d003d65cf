import { z } from 'zod';
import {
  ACTION_KINDS,
  CHART_TYPES,
  DATASET_UNITS,
  ICON_NAMES,
  LAYOUT_LEADS,
  LIST_KINDS,
  METRIC_FORMATS,
  TONE_WORDS,
  VOICES,
} from './mode';

/**
 * What a ModeGenerator returns: only bounded fields (ids, short labels, enums, numbers, one colour).
 * Everything else of a Mode — theme, persona fields, series specs, welcome text — is derived in
 * code, so no free generated text reaches a system prompt (docs/pitfalls.md 9.1).
 *
 * The same schema is the strict `json_schema` sent to the structured deployment, so its JSON Schema
 * must stay inside Azure's structured-output subset (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/structured-outputs): every property required,
 * no minLength/maxLength/pattern/minItems… Bounds are therefore `refine`s, which zod enforces on
 * the response but leaves out of the JSON Schema. A unit test guards that subset.
 * Objects are strict: an extra key (say, a smuggled "systemPrompt") is an error, not silently kept.
 */

/** What names are made of: letters of any script and digits (a regex character class body). */
export const NAME_CHARS = String.raw`\p{L}\p{N}`;
/** The light punctuation plain text may use besides spaces (a regex character class body). */
export const PLAIN_PUNCTUATION = String.raw`&'’,.()/+%:!?-`;
/** Letters (any script), digits, spaces and light punctuation: no markup, code or URL characters. */
export const SAFE_TEXT = new RegExp(`^[${NAME_CHARS}][${NAME_CHARS} ${PLAIN_PUNCTUATION}]*$`, 'u');

/** The plain-text rule of every generated word: 2 to `max` characters of SAFE_TEXT. */
const isPlainText = (s: string, max: number) => s.length >= 2 && s.length <= max && SAFE_TEXT.test(s);
const text = (max: number) => z.string().refine((s) => isPlainText(s, max), `2-${max} plain characters`);

/** Field sizes a request's words are held to as well (api/domain/modes/generation/designable.ts). */
export const INDUSTRY_NAME_MAX = 40;
export const COMPANY_NAME_MAX = 40;
export const VOCABULARY_WORD_MAX = 30;
const id = z.string().refine((s) => /^[a-z][a-z0-9_]{1,31}$/.test(s), 'a snake_case id of 2-32 characters');
const count = <T extends z.ZodType>(item: T, min: number, max: number) =>
  z.array(item).refine((a) => a.length >= min && a.length <= max, `${min}-${max} items`);
const finite = (lo: number, hi: number) =>
  z.number().refine((n) => Number.isFinite(n) && n >= lo && n <= hi, `a number from ${lo} to ${hi}`);

export const DraftDataset = z.strictObject({
  id,
  label: text(40),
  unit: z.enum(DATASET_UNITS),
  kind: z.enum(['balance', 'flow', 'count', 'rate', 'score']),
  defaultChart: z.enum(CHART_TYPES),
  /** Words a user might say for it. */
  keywords: count(text(30), 1, 6),
  /** Everyday questions for it ("how much do I still owe"); optional, plain words only. */
  phrasings: count(text(60), 0, 8).optional(),
  shape: z.enum(['walk', 'seasonal', 'burndown']),
  /** A typical monthly value for one customer (balance, count, amount …). */
  typicalValue: finite(0.1, 1e8),
  /** Average change per month; negative for burndowns. */
  monthlyChange: finite(-1e7, 1e7),
});
export type DraftDataset = z.infer<typeof DraftDataset>;

export const DraftTab = z.strictObject({
  id,
  label: text(24),
  icon: z.enum(ICON_NAMES),
  datasetIds: count(id, 1, 3),
  /** Lists (by DraftList id) the tab shows above its charts; optional. */
  listIds: count(id, 0, 2).optional(),
});
export type DraftTab = z.infer<typeof DraftTab>;

export const DraftMetric = z.strictObject({
  id,
  label: text(32),
  format: z.enum(METRIC_FORMATS),
  icon: z.enum(ICON_NAMES),
  datasetId: id,
  /** Which statistic of the dataset the KPI card shows. */
  stat: z.enum(['last', 'sum12', 'avg12']),
  /** Everyday questions for this KPI; optional, plain words only. */
  phrasings: count(text(60), 0, 6).optional(),
});
export type DraftMetric = z.infer<typeof DraftMetric>;

/** A list the portal shows (recent orders, upcoming appointments); its items come from the persona. */
export const DraftList = z.strictObject({ id, kind: z.enum(LIST_KINDS), title: text(40) });
export type DraftList = z.infer<typeof DraftList>;

/** A primary action (Pay, Book, Check in); a demo that answers in character. */
export const DraftAction = z.strictObject({ id, kind: z.enum(ACTION_KINDS), label: text(24) });
export type DraftAction = z.infer<typeof DraftAction>;

export const GeneratedModeDraft = z.strictObject({
  /** The industry as a short title ("Veterinary clinic"). */
  industryName: text(INDUSTRY_NAME_MAX),
  /** A fictional company; replaced by the requested company name when one was given. */
  companyName: text(COMPANY_NAME_MAX),
  tagline: text(90),
  /** The brand colour; the full light theme is derived from it. */
  primaryColor: z.string().refine((s) => /^#[0-9a-fA-F]{6}$/.test(s), 'a #rrggbb colour'),
  /** What the customer is called ("pet owner", "member"). */
  personaRole: text(24),
  tone: count(z.enum(TONE_WORDS), 1, 4),
  vocabulary: count(text(VOCABULARY_WORD_MAX), 3, 12),
  voice: z.enum(VOICES),
  tabs: count(DraftTab, 5, 5),
  metrics: count(DraftMetric, 4, 4),
  datasets: count(DraftDataset, 6, 10),
  /** Optional: a design without them gets its industry family's (api/domain/modes/presentation.ts). */
  lists: count(DraftList, 0, 3).optional(),
  actions: count(DraftAction, 0, 3).optional(),
  lead: z.enum(LAYOUT_LEADS).optional(),
});
export type GeneratedModeDraft = z.infer<typeof GeneratedModeDraft>;

/**
 * The two steps of a design (issue #12): a small, fast brand step the UI shows at once, then the
 * details with that brand held fixed. Together they are exactly a GeneratedModeDraft (`joinDraft`),
 * so the stored mode has the same shape and passes the same checks as a one-shot design.
 */
export const DraftBrandTab = DraftTab.pick({ id: true, label: true, icon: true });
export type DraftBrandTab = z.infer<typeof DraftBrandTab>;

export const ModeBrandDraft = GeneratedModeDraft.pick({
  industryName: true,
  companyName: true,
  tagline: true,
  primaryColor: true,
}).extend({ tabs: count(DraftBrandTab, 5, 5) });
export type ModeBrandDraft = z.infer<typeof ModeBrandDraft>;

/** Which datasets each brand tab charts, by the brand tab's id. */
export const DraftTabDatasets = DraftTab.pick({ id: true, datasetIds: true, listIds: true });

export const ModeDetailsDraft = GeneratedModeDraft.pick({
  personaRole: true,
  tone: true,
  vocabulary: true,
  voice: true,
  metrics: true,
  datasets: true,
  lists: true,
  actions: true,
  lead: true,
}).extend({ tabs: count(DraftTabDatasets, 5, 5) });
export type ModeDetailsDraft = z.infer<typeof ModeDetailsDraft>;

/**
 * The full draft from both steps: the brand's name, colour and tabs as they were shown, each tab
 * given the datasets the details step assigned to its id (or, if the model renamed an id, to its
 * position). The result is validated again as a GeneratedModeDraft before storage.
 */
export function joinDraft(brand: ModeBrandDraft, details: ModeDetailsDraft): GeneratedModeDraft {
  const { tabs: assigned, ...rest } = details;
  return {
    industryName: brand.industryName,
    companyName: brand.companyName,
    tagline: brand.tagline,
    primaryColor: brand.primaryColor,
    ...rest,
    tabs: brand.tabs.map((t, i) => {
      const mine = assigned.find((a) => a.id === t.id) ?? assigned[i];
      return { ...t, datasetIds: mine?.datasetIds ?? [], ...(mine?.listIds ? { listIds: mine.listIds } : {}) };
    }),
  };
}

/** The brand part of a full draft (what the one-shot path and the offline generator show first). */
export function brandOf(draft: GeneratedModeDraft): ModeBrandDraft {
  return {
    industryName: draft.industryName,
    companyName: draft.companyName,
    tagline: draft.tagline,
    primaryColor: draft.primaryColor,
    tabs: draft.tabs.map((t) => ({ id: t.id, label: t.label, icon: t.icon })),
  };
}

/** The details part of a full draft (what a generator that designs both at once adds to a brand it was given). */
export function detailsOf(draft: GeneratedModeDraft): ModeDetailsDraft {
  const { industryName: _i, companyName: _c, tagline: _t, primaryColor: _p, tabs, ...rest } = draft;
  return { ...rest, tabs: tabs.map((t) => ({ id: t.id, datasetIds: t.datasetIds })) };
}

/** What a generator is asked for: the sanitised request. */
export interface ModeGenerationRequest {
  industry: string;
  companyName: string | null;
}
