import { createHash } from 'node:crypto';
import { GalleryEntry, MAX_OWNERS, type ModerationState } from '../contracts/gallery';
import { Mode, type ModeSummary } from '../contracts/mode';
import { readDocument, updateDocument } from '../domain/documents';
import { moderateMode } from '../domain/modes/moderation';
import { withPresentation } from '../domain/modes/presentation';
import type { DocumentStore } from '../domain/ports';
import type { ModeCatalog, ModeViewer } from '../domain/tools/context';
import { builtinModeSummaries, getBuiltinMode } from '../domain/modes/catalog';
import { isStorageOutage } from './storage/storage-errors';

/** Listing is one cheap call; a short TTL keeps a just-generated mode from hiding for long. */
const LIST_TTL_MS = 2_000;
/** Generated modes are immutable once stored, so they are kept per instance (bounded). */
const MAX_CACHED_MODES = 200;
/** Gallery entries read at once while listing, so a large gallery does not open hundreds of requests. */
const READ_CONCURRENCY = 16;

const galleryPath = (id: string) => `gallery/${id}.json`;
const GENERATED_ID = /^[a-z0-9][a-z0-9_-]{0,47}$/;

/** A session id is client-chosen and reusable: only its hash is stored beside a mode. */
const ownerHash = (sessionId: string) => createHash('sha256').update(`gallery:${sessionId}`).digest('hex').slice(0, 32);

interface Listed {
  summary: ModeSummary;
  moderation: ModerationState;
  owners: readonly string[];
}

/** One read of the gallery; `complete: false` when storage failed part of it (never cached). */
interface Snapshot {
  everyone: ModeSummary[];
  listed: Listed[];
  complete: boolean;
}

/** What GET /api/modes serves: the list, and whether the designed modes could not be read just now. */
export interface ModeListing {
  modes: ModeSummary[];
  generatedUnavailable?: true;
}

/** A generated mode as the operator tool sees it: its gallery state beside its names. */
export interface GalleryListing extends ModeSummary {
  moderation: ModerationState;
  reason?: string;
  owners: number;
}

/**
 * Pre-built modes from code, generated ones from Blob (`modes/<id>.json`). Stored documents are
 * validated on the way out too, so a corrupt blob can never reach the UI or a prompt. If storage
 * is down, the pre-built modes still work: the list is the pre-built modes, flagged
 * `generatedUnavailable`, and is not cached, so the designed modes are back with the next read
 * once storage answers (a failure is never remembered as "no designed modes"). `get` of a
 * designed mode during an outage throws the storage error (a retryable 503), not "no such mode".
 *
 * The gallery: a generated mode is listed for everyone only once `gallery/<id>.json` says
 * `approved`; pending and refused ones are listed for the sessions that asked for them, hidden ones
 * for nobody. `get` serves any stored mode, so whoever holds its id (or a `?mode=` link) can open it.
 */
export class StoredModeCatalog implements ModeCatalog {
  private cached?: Snapshot & { at: number };
  private readonly generated = new Map<string, Mode>();
  /**
   * Bumped by every change this instance makes to the gallery (a claim, an operator's decision): a
   * listing begun before a change is neither joined nor cached after it, so a visitor who has just
   * made a mode finds it in the very next list instead of one read before it existed.
   */
  private version = 0;
  private loading?: { version: number; snapshot: Promise<Snapshot> };

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number = Date.now,
  ) {}

  async get(id: string): Promise<Mode | undefined> {
    const builtin = getBuiltinMode(id);
    if (builtin) return builtin;
    if (!GENERATED_ID.test(id)) return undefined;
    const cached = this.generated.get(id);
    if (cached) return cached;
    // A storage failure is not "no such mode": it reaches the caller (isStorageOutage → 503).
    const stored = await this.store.getJson(`modes/${id}.json`).catch((error: unknown) => {
      if (isStorageOutage(error)) throw error;
      return undefined;
    });
    const parsed = Mode.safeParse(stored);
    // Only a generated mode stored under its own id is served: a blob can never pose as a pre-built mode.
    if (!parsed.success || parsed.data.source !== 'generated' || parsed.data.id !== id) return undefined;
    if (this.generated.size >= MAX_CACHED_MODES) this.generated.delete(this.generated.keys().next().value!);
    // A mode stored before lists and actions existed gets its industry family's (kept with the cached object).
    const mode = withPresentation(parsed.data);
    this.generated.set(id, mode);
    return mode;
  }

  /** Pre-built and approved modes; with a viewer's session also its own pending and refused ones. */
  async list(viewer: ModeViewer = {}): Promise<ModeSummary[]> {
    return (await this.listing(viewer)).modes;
  }

  /** The list, flagged when storage could not give the designed modes just now (GET /api/modes). */
  async listing(viewer: ModeViewer = {}): Promise<ModeListing> {
    const { everyone, listed, complete } = await this.snapshot();
    const flag = complete ? {} : { generatedUnavailable: true as const };
    if (!viewer.sessionId) return { modes: everyone, ...flag };
    const me = ownerHash(viewer.sessionId);
    const mine = listed.filter(
      (m) => m.moderation !== 'approved' && m.moderation !== 'hidden' && m.owners.includes(me),
    );
    return { modes: mine.length === 0 ? everyone : [...everyone, ...mine.map((m) => m.summary)], ...flag };
  }

  /**
   * Records that this session asked for `id` (made now, joined, or reused), so the mode stays in
   * its own list while it is not public. The first MAX_OWNERS sessions are kept.
   */
  async claim(id: string, sessionId: string): Promise<void> {
    if (getBuiltinMode(id) || !GENERATED_ID.test(id)) return;
    const me = ownerHash(sessionId);
    const updatedAt = new Date(this.now()).toISOString();
    const fresh: GalleryEntry = { id, moderation: 'pending', owners: [me], updatedAt };
    if (!(await this.store.create(galleryPath(id), fresh))) {
      await updateDocument(this.store, galleryPath(id), GalleryEntry, (entry) =>
        entry.owners.includes(me) || entry.owners.length >= MAX_OWNERS
          ? undefined
          : { ...entry, owners: [...entry.owners, me] },
      );
    }
    this.changed();
  }

  /**
   * An operator's decision: `hidden` takes a generated mode out of every list, `approved` (unhide)
   * puts it back for everyone. Undefined when there is no such generated mode. The list cache of
   * this instance is dropped, so the change shows at once here (other instances within LIST_TTL_MS).
   */
  async decide(id: string, moderation: 'hidden' | 'approved'): Promise<GalleryEntry | undefined> {
    if (!(await this.get(id)) || getBuiltinMode(id)) return undefined;
    const updatedAt = new Date(this.now()).toISOString();
    const decided = { moderation, decidedBy: 'operator' as const, updatedAt };
    const reason = moderation === 'hidden' ? { reason: 'Hidden by an operator.' } : {};
    const fresh: GalleryEntry = { id, owners: [], ...decided, ...reason };
    let entry: GalleryEntry | undefined = fresh;
    if (!(await this.store.create(galleryPath(id), fresh))) {
      entry = (
        await updateDocument(this.store, galleryPath(id), GalleryEntry, ({ reason: _was, ...rest }) => ({
          ...rest,
          ...decided,
          ...reason,
        }))
      )?.value;
      // An unreadable entry is replaced outright: the operator's word is what counts.
      if (!entry) await this.store.putJson(galleryPath(id), (entry = fresh));
    }
    this.changed();
    return entry;
  }

  /** Every generated mode with its gallery state, for the operator tool (`npm run modes -- list`). */
  async gallery(): Promise<GalleryListing[]> {
    const names = await this.store.list('modes/');
    const rows: GalleryListing[] = [];
    for (const mode of await this.storedModes(names)) {
      const entry = await this.entryFor(mode);
      rows.push({
        ...summaryOf(mode),
        moderation: entry.moderation,
        owners: entry.owners.length,
        ...(entry.reason ? { reason: entry.reason } : {}),
      });
    }
    return rows;
  }

  private snapshot(): Promise<Snapshot> {
    if (this.cached && this.now() - this.cached.at < LIST_TTL_MS) return Promise.resolve(this.cached);
    // Every chat turn asks; when the list expires under load, the turns waiting share one Blob listing.
    if (this.loading?.version === this.version) return this.loading.snapshot;
    const loading = { version: this.version, snapshot: this.load(this.version) };
    this.loading = loading;
    void loading.snapshot.finally(() => {
      if (this.loading === loading) this.loading = undefined;
    });
    return loading.snapshot;
  }

  /** Forgets the list after a change: the next listing reads storage again. */
  private changed(): void {
    this.version++;
    this.cached = undefined;
  }

  private async load(version: number): Promise<Snapshot> {
    let complete = true;
    const failed = () => {
      complete = false;
      return undefined;
    };
    const names = (await this.store.list('modes/').catch(failed)) ?? [];
    const modes = await this.storedModes(names, failed);
    const listed: Listed[] = [];
    for (let i = 0; i < modes.length; i += READ_CONCURRENCY) {
      const batch = modes.slice(i, i + READ_CONCURRENCY);
      const entries = await Promise.all(batch.map((mode) => this.entryFor(mode).catch(failed)));
      batch.forEach((mode, at) => {
        const entry = entries[at];
        // Storage trouble reads as pending: nothing unchecked reaches the public list.
        listed.push({
          summary: summaryOf(mode),
          moderation: entry?.moderation ?? 'pending',
          owners: entry?.owners ?? [],
        });
      });
    }
    const everyone = [
      ...builtinModeSummaries(),
      ...listed.filter((m) => m.moderation === 'approved').map((m) => m.summary),
    ];
    const snapshot = { everyone, listed, complete };
    // Only a complete read is kept: a failure must not read as "no designed modes" for LIST_TTL_MS;
    // nor one that began before a change (it may not have seen it).
    if (complete && version === this.version) this.cached = { at: this.now(), ...snapshot };
    return snapshot;
  }

  /** The stored generated modes; with `onFailure`, one that cannot be read calls it and is left out. */
  private async storedModes(names: string[], onFailure?: () => undefined): Promise<Mode[]> {
    const modes: Mode[] = [];
    for (const name of names) {
      const read = this.get(name.slice('modes/'.length).replace(/\.json$/, ''));
      const mode = await (onFailure ? read.catch(onFailure) : read);
      if (mode && mode.source === 'generated') modes.push(mode);
    }
    return modes;
  }

  /**
   * The mode's gallery entry; a missing or pending one is checked now (the word list) and the
   * verdict stored with compare-and-swap, so an operator's decision made meanwhile always stands.
   */
  private async entryFor(mode: Mode): Promise<GalleryEntry> {
    const path = galleryPath(mode.id);
    const current = await readDocument(this.store, path, GalleryEntry);
    if (current && current.value.moderation !== 'pending') return current.value;
    const verdict = await moderateMode(mode);
    const checked = (owners: string[]): GalleryEntry => ({
      id: mode.id,
      owners,
      ...verdict,
      decidedBy: 'check',
      updatedAt: new Date(this.now()).toISOString(),
    });
    // Until the verdict is stored the mode stays pending, still listed for the sessions that asked.
    const unsettled: GalleryEntry = current?.value ?? { ...checked([]), moderation: 'pending' };
    try {
      if (!current) {
        const fresh = checked([]);
        if (await this.store.create(path, fresh)) return fresh;
      }
      const updated = await updateDocument(this.store, path, GalleryEntry, (entry) =>
        entry.moderation === 'pending' ? checked(entry.owners) : undefined,
      );
      return updated?.value ?? unsettled;
    } catch {
      return unsettled;
    }
  }
}

const summaryOf = (mode: Mode): ModeSummary => ({
  id: mode.id,
  name: mode.name,
  companyName: mode.companyName,
  source: mode.source,
  primaryColor: mode.theme.primary,
});
