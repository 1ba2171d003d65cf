import { z } from 'zod';
import { TYPE_VOICES } from './type-voices';
import { HexColor, Slug } from './common';

/** Ids of the pre-built modes; one const array feeds the type, the zod enum and the tool schema. */
export const BUILTIN_MODE_IDS = ['banking', 'insurance', 'healthcare', 'retail', 'airline', 'energy'] as const;
export const BuiltinModeId = z.enum(BUILTIN_MODE_IDS);
export type BuiltinModeId = z.infer<typeof BuiltinModeId>;

export const ICON_NAMES = [
  'home',
  'wallet',
  'transfer',
  'card',
  'house',
  'chart',
  'shield',
  'car',
  'heart',
  'file',
  'users',
  'calendar',
  'pill',
  'stethoscope',
  'cart',
  'tag',
  'box',
  'star',
  'plane',
  'ticket',
  'map',
  'bolt',
  'leaf',
  'sun',
  'settings',
  'bell',
  'gift',
  'truck',
  'paw',
  'briefcase',
  // Added for icons by meaning (issue #14): savings, status, bills, meters, trades and services.
  'piggy',
  'bank',
  'coins',
  'receipt',
  'percent',
  'trend',
  'medal',
  'clock',
  'clipboard',
  'activity',
  'tooth',
  'drop',
  'plug',
  'gauge',
  'flame',
  'bag',
  'globe',
  'bed',
  'utensils',
  'dumbbell',
  'cap',
  'book',
  'scale',
  'building',
  'key',
  'wrench',
  'phone',
  'scissors',
  'signal',
] as const;
export const IconName = z.enum(ICON_NAMES);
export type IconName = z.infer<typeof IconName>;

export const VOICES = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'sage',
  'shimmer',
  'verse',
  'marin',
  'cedar',
] as const;
export const Voice = z.enum(VOICES);
export type Voice = z.infer<typeof Voice>;

/** Tone words come from a fixed list so no free text reaches a system prompt through them. */
export const TONE_WORDS = [
  'warm',
  'reassuring',
  'precise',
  'friendly',
  'professional',
  'upbeat',
  'calm',
  'concise',
  'empathetic',
  'trustworthy',
  'playful',
  'energetic',
  'caring',
  'confident',
  'helpful',
] as const;
export const ToneWord = z.enum(TONE_WORDS);
export type ToneWord = z.infer<typeof ToneWord>;

/**
 * A family's typographic voice (issue #14): the heading face of a finance, care, leisure or
 * civic/professional brand. The SPA maps each to a bundled font (web/src/features/modes/fonts.ts).
 */
export { TYPE_VOICES };
export const TypeVoice = z.enum(TYPE_VOICES);
export type TypeVoice = z.infer<typeof TypeVoice>;

/** A light theme. Every text/background pair must reach WCAG AA (4.5:1); checked in code. */
export const Theme = z.object({
  primary: HexColor,
  onPrimary: HexColor,
  secondary: HexColor,
  background: HexColor,
  surface: HexColor,
  text: HexColor,
  muted: HexColor,
  chart: z.array(HexColor).min(4).max(8),
  /** Optional so stored and pre-built modes still parse; `typeVoiceOf` derives it from the industry then. */
  font: TypeVoice.optional(),
});
export type Theme = z.infer<typeof Theme>;

/**
 * Lists a real portal leads with (recent transactions, claims, appointments, trips, meter
 * readings); the persona's items for each kind come from api/domain/persona-lists.ts.
 * `activity` is the generic kind for an industry none of the others fits.
 */
export const LIST_KINDS = [
  'transactions',
  'transfers',
  'accounts',
  'bills',
  'claims',
  'policies',
  'appointments',
  'prescriptions',
  'orders',
  'flights',
  'reservations',
  'meter_readings',
  'activity',
] as const;
export const ListKind = z.enum(LIST_KINDS);
export type ListKind = z.infer<typeof ListKind>;

export const ListSpec = z.object({
  id: Slug,
  kind: ListKind,
  title: z.string().min(2).max(40),
});
export type ListSpec = z.infer<typeof ListSpec>;

/** Primary actions: demo actions that answer in character and never move money or book anything. */
export const ACTION_KINDS = [
  'pay',
  'transfer',
  'file_claim',
  'book',
  'check_in',
  'refill',
  'reorder',
  'contact',
] as const;
export const ActionKind = z.enum(ACTION_KINDS);
export type ActionKind = z.infer<typeof ActionKind>;

export const ActionSpec = z.object({
  id: Slug,
  kind: ActionKind,
  label: z.string().min(2).max(24),
});
export type ActionSpec = z.infer<typeof ActionSpec>;

/** What the dashboard puts first: a list (banks, airlines), a chart (energy use) or the KPI figures. */
export const LAYOUT_LEADS = ['list', 'chart', 'figures'] as const;
export const LayoutLead = z.enum(LAYOUT_LEADS);
export type LayoutLead = z.infer<typeof LayoutLead>;

export const Tab = z.object({
  id: Slug,
  label: z.string().min(1).max(24),
  icon: IconName,
  /** Datasets charted when this tab is open. */
  datasetIds: z.array(Slug).min(1).max(4),
  /** Lists (by ListSpec id) shown above the charts when this tab is open; optional so stored modes still parse. */
  listIds: z.array(Slug).max(2).optional(),
});
export type Tab = z.infer<typeof Tab>;

export const METRIC_FORMATS = ['currency', 'number', 'percent', 'score', 'days'] as const;
export const MetricFormat = z.enum(METRIC_FORMATS);
export type MetricFormat = z.infer<typeof MetricFormat>;

/**
 * Everyday ways people ask for a dataset or KPI, in their own words ("how much do I still owe on
 * the house"); the offline engine matches them, and the fallback quotes one as an example question.
 * Optional so modes stored before they existed still parse.
 */
export const Phrasings = z.array(z.string().min(3).max(60)).max(16);

export const Metric = z.object({
  id: Slug,
  label: z.string().min(1).max(32),
  format: MetricFormat,
  /** Key into Persona.fields. */
  personaPath: z.string().min(1).max(64),
  icon: IconName,
  phrasings: Phrasings.optional(),
});
export type Metric = z.infer<typeof Metric>;

export const DATASET_UNITS = ['USD', 'count', 'percent', 'points', 'kWh', 'miles', 'days'] as const;
export const DatasetUnit = z.enum(DATASET_UNITS);
export type DatasetUnit = z.infer<typeof DatasetUnit>;

export const CHART_TYPES = ['line', 'bar', 'area', 'pie'] as const;
export const ChartType = z.enum(CHART_TYPES);
export type ChartType = z.infer<typeof ChartType>;

/**
 * How the persona generator draws a monthly series for a dataset (deterministic from the seed).
 * walk: start ± noise with drift; burndown: start falling by a roughly fixed payment;
 * seasonal: base with a yearly wave.
 */
export const SeriesSpec = z.object({
  shape: z.enum(['walk', 'burndown', 'seasonal']),
  /** Range the first value is drawn from. */
  start: z.tuple([z.number(), z.number()]),
  /** Average change per month (negative for burndown payments). */
  drift: z.number(),
  /** Relative noise, 0..1. */
  noise: z.number().min(0).max(1),
  min: z.number(),
  max: z.number(),
  decimals: z.number().int().min(0).max(2),
});
export type SeriesSpec = z.infer<typeof SeriesSpec>;

export const Dataset = z.object({
  id: Slug,
  label: z.string().min(1).max(40),
  unit: DatasetUnit,
  kind: z.enum(['balance', 'flow', 'count', 'rate', 'score']),
  defaultChart: ChartType,
  /** Words a user might use for it ("checking", "current account"); used by the offline engine. */
  keywords: z.array(z.string().min(2).max(30)).max(12),
  phrasings: Phrasings.optional(),
  series: SeriesSpec,
});
export type Dataset = z.infer<typeof Dataset>;

/** A persona field is either a statistic of a dataset's series or a drawn number. */
export const PersonaField = z.union([
  z.object({
    path: z.string().min(1).max(64),
    dataset: Slug,
    stat: z.enum(['last', 'sum12', 'avg12', 'first', 'change12']),
  }),
  z.object({
    path: z.string().min(1).max(64),
    range: z.tuple([z.number(), z.number()]),
    decimals: z.number().int().min(0).max(2),
  }),
]);
export type PersonaField = z.infer<typeof PersonaField>;

export const PersonaTemplate = z.object({
  /** What the customer is called in this industry ("member", "patient", "passenger"). */
  role: z.string().min(2).max(24),
  fields: z.array(PersonaField).min(1).max(24),
});
export type PersonaTemplate = z.infer<typeof PersonaTemplate>;

export const Mode = z.object({
  id: Slug,
  name: z.string().min(2).max(40),
  companyName: z.string().min(2).max(48),
  tagline: z.string().min(2).max(90),
  source: z.enum(['builtin', 'generated']),
  theme: Theme,
  tabs: z.array(Tab).length(5),
  metrics: z.array(Metric).length(4),
  datasets: z.array(Dataset).min(6).max(12),
  persona: PersonaTemplate,
  tone: z.array(ToneWord).min(1).max(4),
  vocabulary: z.array(z.string().min(2).max(30)).max(20),
  welcome: z.string().min(2).max(200),
  voice: Voice,
  /**
   * Lists, primary actions and what leads the dashboard. Optional so modes stored before they
   * existed still parse; api/domain/modes/presentation.ts supplies a default by industry family.
   */
  lists: z.array(ListSpec).max(4).optional(),
  actions: z.array(ActionSpec).max(3).optional(),
  lead: LayoutLead.optional(),
});
export type Mode = z.infer<typeof Mode>;

export const ModeSummary = Mode.pick({ id: true, name: true, companyName: true, source: true }).extend({
  primaryColor: HexColor,
});
export type ModeSummary = z.infer<typeof ModeSummary>;

export const ModeList = z.object({
  modes: z.array(ModeSummary),
  /**
   * Storage could not give the designed modes just now: `modes` holds the pre-built ones (and any
   * designed ones that could be read); ask again in a moment (docs/api.md "Moderation").
   */
  generatedUnavailable: z.literal(true).optional(),
});
export type ModeList = z.infer<typeof ModeList>;
