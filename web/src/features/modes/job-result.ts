import type { Mode } from '../../../../api/contracts/mode';

/** A finished mode-generation job's result: a full Mode, `{mode}`, or just an id to fetch. */
export function modeFromJobResult(result: unknown): Mode | string | null {
  if (!result || typeof result !== 'object') return null;
  const r = result as Record<string, unknown>;
  if ('theme' in r && 'tabs' in r) return r as unknown as Mode;
  const inner = r.mode;
  if (inner && typeof inner === 'object' && 'theme' in inner) return inner as Mode;
  if (typeof r.modeId === 'string') return r.modeId;
  return typeof r.id === 'string' ? r.id : null;
}
