import type { JobBrand } from '../../../api/contracts/jobs';

/**
 * The mode design this tab is waiting for, so a reload keeps watching it (issue #12): per tab
 * (sessionStorage), because another tab has its own conversation. Guarded like lib/storage.ts:
 * private browsing may refuse storage, and the watch then simply ends with the page.
 */
const KEY = 'presto-change-o:job:v1';

export interface InflightJob {
  jobId: string;
  industry: string;
  companyName: string | null;
  label: string;
  /** The design's look once known: painted again at once after a reload. */
  brand?: JobBrand;
}

const SLUG = /^[a-z0-9_-]{1,64}$/;
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

export function loadInflightJob(): InflightJob | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    if (!raw) return null;
    const data = JSON.parse(raw) as Record<string, unknown> | null;
    if (!data || typeof data !== 'object') return null;
    const { jobId, industry, companyName, label, brand } = data;
    if (!(typeof jobId === 'string' && SLUG.test(jobId)) || !text(industry, 120) || !text(label, 80)) return null;
    if (companyName !== null && !text(companyName, 80)) return null;
    return { jobId, industry, companyName, label, ...(isBrand(brand) ? { brand } : {}) };
  } catch {
    return null;
  }
}

export function saveInflightJob(job: InflightJob): void {
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(job));
  } catch {
    /* storage unavailable: a reload then ends the watch, nothing else changes */
  }
}

export function clearInflightJob(): void {
  try {
    globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    /* see saveInflightJob */
  }
}

/** Only a look this page wrote itself is painted: the fields the header, theme and tab bar read. */
function isBrand(v: unknown): v is JobBrand {
  if (!v || typeof v !== 'object') return false;
  const b = v as Record<string, unknown>;
  const theme = b.theme as Record<string, unknown> | undefined;
  return (
    text(b.companyName, 48) &&
    text(b.name, 40) &&
    typeof b.tagline === 'string' &&
    !!theme &&
    typeof theme === 'object' &&
    typeof theme.primary === 'string' &&
    Array.isArray(b.tabs) &&
    b.tabs.length === 5
  );
}
