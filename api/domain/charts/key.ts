import { sha256 as sha256Bytes } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Mode } from '../../contracts/mode';
import { CHART_PROMPT_VERSION } from '../prompts/chart-image';

/** JSON with object keys sorted at every level, so equal content always hashes equally. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

// A pure-JS SHA-256 (the same digest as node:crypto's), so the domain stays free of Node built-ins.
const sha256 = (text: string) => bytesToHex(sha256Bytes(utf8ToBytes(text)));

/**
 * The content version of a mode: a pre-built mode edited in code, or a regenerated mode, gets new
 * chart keys, so an image never shows an old palette or label.
 */
export function modeVersion(mode: Mode): string {
  return sha256(stableJson(mode)).slice(0, 16);
}

export interface ChartKeyInput {
  mode: Mode;
  /** In chart order (order sets colours and legend), each once. */
  datasetIds: readonly string[];
  personaSeed: number;
  /** Who draws: image deployment and quality, or the local renderer's version. */
  model: string;
  /** The month the series end on (YYYY-MM): month labels move on, so does the key. */
  asOf: string;
}

/**
 * The content hash naming a chart image (`charts/<key>.png`): everything that changes the
 * picture, and nothing else, so equal requests from any visitor share one image and one
 * generation. 128 bits of SHA-256, in hex.
 */
export function chartKey(input: ChartKeyInput): string {
  const parts = [
    'presto-chart',
    CHART_PROMPT_VERSION,
    input.mode.id,
    modeVersion(input.mode),
    [...input.datasetIds],
    input.personaSeed,
    input.model,
    input.asOf,
  ];
  return sha256(stableJson(parts)).slice(0, 32);
}

/** Chart job ids use `_`, which mode keys (dash-only slugs) never contain, so the two cannot collide. */
export const chartJobId = (key: string) => `chart_${key}`;
export const chartImagePath = (key: string) => `charts/${key}.png`;
export const chartImageUrl = (key: string) => `/api/charts/${key}`;

/** "2025-11" for a date, in UTC like the persona's month labels. */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first day of a YYYY-MM month (UTC): a persona built "as of" it ends on that month. */
export function monthStart(asOf: string): Date {
  const [y, m] = asOf.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
}
