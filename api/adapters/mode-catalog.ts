import { Mode, type ModeSummary } from '../contracts/mode';
import type { DocumentStore } from '../domain/ports';
import type { ModeCatalog } from '../domain/tools/context';
import { builtinModeSummaries, getBuiltinMode } from '../domain/modes/catalog';

const LIST_TTL_MS = 30_000;

/**
 * Pre-built modes from code, generated ones from Blob (`modes/<id>.json`). Stored documents are
 * validated on the way out too, so a corrupt blob can never reach the UI or a prompt. If storage
 * is down, the pre-built modes still work.
 */
export class StoredModeCatalog implements ModeCatalog {
  private cached?: { at: number; modes: ModeSummary[] };

  constructor(private readonly store: DocumentStore, private readonly now: () => number = Date.now) {}

  async get(id: string): Promise<Mode | undefined> {
    const builtin = getBuiltinMode(id);
    if (builtin) return builtin;
    if (!/^[a-z0-9][a-z0-9_-]{0,47}$/.test(id)) return undefined;
    const stored = await this.store.getJson(`modes/${id}.json`).catch(() => undefined);
    const parsed = Mode.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }

  async list(): Promise<ModeSummary[]> {
    if (this.cached && this.now() - this.cached.at < LIST_TTL_MS) return this.cached.modes;
    const generated: ModeSummary[] = [];
    const names = await this.store.list('modes/').catch(() => [] as string[]);
    for (const name of names) {
      const mode = await this.get(name.slice('modes/'.length).replace(/\.json$/, ''));
      if (mode && mode.source === 'generated') {
        generated.push({ id: mode.id, name: mode.name, companyName: mode.companyName, source: mode.source, primaryColor: mode.theme.primary });
      }
    }
    const modes = [...builtinModeSummaries(), ...generated];
    this.cached = { at: this.now(), modes };
    return modes;
  }
}
