import type { z } from 'zod';
import { UpstreamUnavailable } from './errors';
import type { DocumentStore } from './ports';

/** A document read and validated; a missing or corrupt one reads as undefined. */
export async function readDocument<T>(
  store: DocumentStore,
  path: string,
  schema: z.ZodType<T>,
): Promise<{ value: T; etag: string } | undefined> {
  const doc = await store.read(path);
  if (!doc) return undefined;
  const parsed = schema.safeParse(doc.value);
  return parsed.success ? { value: parsed.data, etag: doc.etag } : undefined;
}

/**
 * Compare-and-swap update (If-Match), re-reading and re-applying `change` when another writer got
 * in first; `change` returns undefined to leave the document alone. `changed` tells the caller
 * whether its change won (a claim). Undefined when there is no valid document.
 */
export async function updateDocument<T>(
  store: DocumentStore,
  path: string,
  schema: z.ZodType<T>,
  change: (value: T) => T | undefined,
  tries = 5,
): Promise<{ value: T; changed: boolean } | undefined> {
  for (let i = 0; i < tries; i++) {
    const current = await readDocument(store, path, schema);
    if (!current) return undefined;
    const next = change(current.value);
    if (!next) return { value: current.value, changed: false };
    if (await store.replace(path, next, current.etag)) return { value: next, changed: true };
  }
  throw new Error(`${path} kept changing under us; giving up after ${tries} tries.`);
}

export interface JobClaim<J extends { token: string }> {
  path: string;
  schema: z.ZodType<J>;
  /** A new run (a fresh token each time it is asked); `previous` is the valid run it replaces, if any. */
  fresh(previous?: J): J;
  /** Whether an existing job may be replaced by a new run (failed, stale, its result lost…). */
  restartable(job: J): Promise<boolean>;
  /** The winner of a claim sends the run on its way (the queue message). */
  start(job: J): Promise<J>;
  /**
   * Called once by the caller whose claim won, before its run starts, and never by one who joins: a
   * budget that throws refuses. Charging after the claim (not before it) is what makes joining free
   * whatever the interleaving: twenty callers racing for one job pay for one run, not twenty.
   */
  beforeStart?: () => Promise<void>;
  /** The claimed run, failed because its starter's budget refused (callers who joined it meanwhile see why). */
  unpaid(job: J): J;
  /** Said when the document kept changing under us. */
  busy: string;
}

/**
 * The one job for a document path, started or restarted by exactly one caller: it is created with
 * If-None-Match: * (only one creator wins), and a failed, stale or corrupt one is replaced with
 * If-Match on its ETag (again one winner). Everybody else joins the run under way. Only the winner
 * is asked to pay (`beforeStart`); if it cannot, its run is marked failed and never starts.
 */
export async function claimJob<J extends { token: string }>(
  store: DocumentStore,
  claim: JobClaim<J>,
): Promise<{ job: J; created: boolean }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    // The create is tried first: a new job costs one round trip, and joining costs nothing either way.
    const doc = attempt === 0 ? undefined : await store.read(claim.path);
    const parsed = doc && claim.schema.safeParse(doc.value);
    // A corrupt document is taken over like a failed job.
    if (parsed?.success && !(await claim.restartable(parsed.data))) return { job: parsed.data, created: false };
    const fresh = claim.fresh(parsed?.success ? parsed.data : undefined);
    const won = doc ? await store.replace(claim.path, fresh, doc.etag) : await store.create(claim.path, fresh);
    if (!won) continue;
    if (claim.beforeStart) {
      try {
        await claim.beforeStart();
      } catch (refusal) {
        // Our run must not stay queued with no message behind it: fail it, if it is still ours.
        await updateDocument(store, claim.path, claim.schema, (current) =>
          current.token === fresh.token ? claim.unpaid(current) : undefined,
        ).catch(() => undefined);
        throw refusal;
      }
    }
    return { job: await claim.start(fresh), created: true };
  }
  throw new UpstreamUnavailable(claim.busy);
}
