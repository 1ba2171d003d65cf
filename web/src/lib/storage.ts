/**
 * localStorage wrapper: private browsing and storage-disabled browsers throw on access,
 * so every call is guarded and the app keeps working without persistence.
 */
const KEY = 'presto-change-o:v1';

export interface Stored {
  modeId?: string;
  personaSeed?: number;
}

export function loadStored(): Stored {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return {};
    const data: unknown = JSON.parse(raw);
    if (!data || typeof data !== 'object') return {};
    const { modeId, personaSeed } = data as Record<string, unknown>;
    return {
      modeId: typeof modeId === 'string' && /^[a-z0-9_-]{1,48}$/.test(modeId) ? modeId : undefined,
      personaSeed: Number.isInteger(personaSeed) && (personaSeed as number) >= 0 ? (personaSeed as number) : undefined,
    };
  } catch {
    return {};
  }
}

export function saveStored(patch: Stored): void {
  try {
    const next = { ...loadStored(), ...patch };
    globalThis.localStorage?.setItem(KEY, JSON.stringify(next));
  } catch {
    /* storage unavailable: persistence is a nicety, not a requirement */
  }
}
