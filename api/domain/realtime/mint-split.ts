import { RealtimeSessionUpdate } from '../../contracts/realtime';
import type { RealtimeSessionConfig } from './session-config';

/** A client_secrets request cannot do without these, so they are never moved to `session.update`. */
const MINT_ONLY = new Set(['type', 'model']);

/** What to send in the mint, and what the browser must send as `session.update` once the call is up. */
export interface MintSplit {
  /** The `session` of the client_secrets request. */
  mint: Record<string, unknown>;
  /** Undefined when the mint carries the whole session. */
  update?: RealtimeSessionUpdate;
}

/** `audio.input` → ['audio', 'input']; undefined for a path we cannot walk (array indexes, empty parts). */
function segments(path: string): string[] | undefined {
  const parts = path.split('.');
  return parts.every((p) => /^[a-z_][a-z0-9_]*$/i.test(p)) ? parts : undefined;
}

/** The top-level session field a refused parameter path belongs to (`audio.input.x` → `audio`). */
export function topField(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

/** Whether a refused parameter path may be left out of the mint (never `type` or `model`). */
export function movable(path: string): boolean {
  const top = topField(path);
  return top.length > 0 && !MINT_ONLY.has(top);
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Deletes `parts` from `target`; prunes objects left empty. False when the path was not there. */
function remove(target: Record<string, unknown>, parts: string[]): boolean {
  const [head, ...rest] = parts;
  if (head === undefined || !(head in target)) return false;
  if (rest.length === 0) {
    delete target[head];
    return true;
  }
  const child = target[head];
  if (!child || typeof child !== 'object' || Array.isArray(child)) return false;
  const removed = remove(child as Record<string, unknown>, rest);
  if (removed && Object.keys(child).length === 0) delete target[head];
  return removed;
}

/**
 * Splits the server-built session between the client_secrets mint and a `session.update`, given the
 * parameter paths (without the `session.` prefix) this deployment refused in a mint before. Each
 * refused path is left out of the mint; its whole top-level field goes into the update, so the
 * update sets that field completely (a nested object is never half-updated). Pure, so the
 * adapter's retry loop and the tests agree on what is sent where.
 */
export function splitSession(session: RealtimeSessionConfig, refused: Iterable<string>): MintSplit {
  const mint = clone(session) as unknown as Record<string, unknown>;
  const moved = new Set<string>();
  for (const path of refused) {
    if (!movable(path)) continue;
    const top = topField(path);
    const parts = segments(path);
    if (!parts || !remove(mint, parts)) delete mint[top];
    moved.add(top);
  }
  if (moved.size === 0) return { mint };
  const source = session as unknown as Record<string, unknown>;
  const update: Record<string, unknown> = { type: 'realtime' };
  for (const top of moved) if (source[top] !== undefined) update[top] = clone(source[top]);
  // Held to the contract the browser and the OpenAPI document rely on (a new session field must be added there).
  return Object.keys(update).length > 1 ? { mint, update: RealtimeSessionUpdate.parse(update) } : { mint };
}
