import { useCallback, useState } from 'preact/hooks';
import { setListSession } from '../api/client';
import { randomId, randomSeed } from './ids';
import { loadStored, saveStored } from './storage';

/**
 * The visitor's persona seed (kept across reloads so "the customer" stays the same) and a
 * session id (fresh per page load and per new conversation; it only scopes server limits and logs).
 */
export function useSession() {
  const [personaSeed] = useState(() => {
    // `?seed=7` picks the customer (and keeps it): the demo persona whose chart images are pre-generated.
    const param = new URLSearchParams(globalThis.location?.search ?? '').get('seed') ?? '';
    const asked = /^\d{1,10}$/.test(param) ? Number(param) : NaN;
    if (asked < 2_147_483_647) {
      saveStored({ personaSeed: asked });
      return asked;
    }
    const stored = loadStored().personaSeed;
    if (stored !== undefined) return stored;
    const seed = randomSeed();
    saveStored({ personaSeed: seed });
    return seed;
  });
  const [sessionId, setSessionId] = useState(() => randomId('s_'));
  const renew = useCallback(() => setSessionId(randomId('s_')), []);
  setListSession(sessionId);
  return { personaSeed, sessionId, renew };
}
