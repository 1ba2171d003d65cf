import { Mode, type ModeSummary } from '../contracts/mode';
import type { DocumentStore } from '../domain/ports';
import type { ModeCatalog } from '../domain/tools/context';
import { builtinModeSummaries, getBuiltinMode } from '../domain/modes/catalog';

/** Listing is one cheap call; a short TTL keeps a just-generated mode from hiding for long. */
const LIST_TTL_MS = 2_000;
/** Generated modes are immutable once stored, so they are kept per instance (bounded). */
const MAX_CACHED_MODES = 200;

/**
 * Pre-built modes from code, generated ones from Blob (`modes/<id>.json`). Stored documents are
 * validated on the way out too, so a corrupt blob can never reach the UI or a prompt. If storage
 * is down, the pre-built modes still work.
 */
export class StoredModeCatalog implements ModeCatalog {
  private cached?: { at: number; modes: ModeSummary[] };
  private readonly generated = new Map<string, Mode>();
  private listing?: Promise<ModeSummary[]>;

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number = Date.now,
  ) {}

  async get(id: string): Promise<Mode | undefined> {
    const builtin = getBuiltinMode(id);
    if (builtin) return builtin;
    if (!/^[a-z0-9][a-z0-9_-]{0,47}$/.test(id)) return undefined;
    const cached = this.generated.get(id);
    if (cached) return cached;
    const stored = await this.store.getJson(`modes/${id}.json`).catch(() => undefined);
    const parsed = Mode.safeParse(stored);
    // Only a generated mode stored under its own id is served: a blob can never pose as a pre-built mode.
    if (!parsed.success || parsed.data.source !== 'generated' || parsed.data.id !== id) return undefined;
    if (this.generated.size >= MAX_CACHED_MODES) this.generated.delete(this.generated.keys().next().value!);
    this.generated.set(id, parsed.data);
    return parsed.data;
  }

  list(): Promise<ModeSummary[]> {
    if (this.cached && this.now() - this.cached.at < LIST_TTL_MS) return Promise.resolve(this.cached.modes);
    // Every chat turn asks; when the list expires under load, the turns waiting share one Blob listing.
    this.listing ??= this.load().finally(() => (this.listing = undefined));
    return this.listing;
  }

  private async load(): Promise<ModeSummary[]> {
    const generated: ModeSummary[] = [];
    const names = await this.store.list('modes/').catch(() => [] as string[]);
    for (const name of names) {
      const mode = await this.get(name.slice('modes/'.length).replace(/\.json$/, ''));
      if (mode && mode.source === 'generated') {
        generated.push({
          id: mode.id,
          name: mode.name,
          companyName: mode.companyName,
          source: mode.source,
          primaryColor: mode.theme.primary,
        });
      }
    }
    const modes = [...builtinModeSummaries(), ...generated];
    this.cached = { at: this.now(), modes };
    return modes;
  }
}
