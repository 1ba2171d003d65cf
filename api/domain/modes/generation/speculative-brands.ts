import type { ModeBrandDraft, ModeGenerationRequest } from '../../../contracts/generated-mode';
import { DomainError } from '../../errors';
import type { Clock } from '../../ports';

/** A kept draft older than this is dropped: the tool call it was started for comes within a second or two. */
export const SPECULATIVE_BRAND_TTL_MS = 30_000;
/** At most this many drafts are kept per process; the oldest goes first. */
export const SPECULATIVE_BRAND_MAX = 32;

type DesignBrand = (request: ModeGenerationRequest, log?: (line: string) => void) => Promise<ModeBrandDraft>;

interface Entry {
  startedAt: number;
  /** The call has answered with a draft (a transiently failed or declined one is no longer kept at all). */
  ready: boolean;
  /**
   * The draft; or the call's permanent failure (a refusal), which the run reports as its own
   * rather than asking again for the same words; or neither: not made after all (its checks said
   * no) or failed transiently, and the run designs its own.
   */
  outcome: Promise<Outcome>;
}

type Outcome = { draft?: ModeBrandDraft; refused?: DomainError };

/**
 * Brand calls started on the words of a command, before the chat model's `switch_mode` call has
 * arrived (issue #12): the ~2.6 s brand call then overlaps the ~1.2 s chat turn instead of
 * following it. Keyed by mode key, taken once by the run that the tool call creates for that key,
 * bounded in count and age. A draft nobody takes is dropped and logged: one small call wasted.
 */
export class SpeculativeBrands {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly log: (line: string) => void = () => undefined,
    private readonly limits = { ttlMs: SPECULATIVE_BRAND_TTL_MS, max: SPECULATIVE_BRAND_MAX },
  ) {}

  /** Starts `design` for `key` unless a draft for it is kept already; whether it started. Never throws. */
  start(key: string, design: () => Promise<ModeBrandDraft | undefined>): boolean {
    this.prune();
    if (this.entries.has(key)) return false;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size < this.limits.max) break;
      this.drop(oldest, 'too many kept');
    }
    const entry: Entry = { startedAt: this.clock.now().getTime(), ready: false, outcome: Promise.resolve({}) };
    entry.outcome = Promise.resolve()
      .then(design)
      .then(
        (draft): Outcome => (draft ? { draft } : {}),
        (error: unknown): Outcome => {
          if (error instanceof DomainError && !error.retryable) {
            this.log(`mode-brand: speculative brand for ${key} refused (its run fails with it): ${describe(error)}`);
            return { refused: error };
          }
          this.log(`mode-brand: speculative brand for ${key} failed (the run designs its own): ${describe(error)}`);
          return {};
        },
      )
      .then((outcome) => {
        // Nothing to keep: the next caller for this key designs its own brand at once.
        if (!outcome.draft && !outcome.refused && this.entries.get(key) === entry) this.entries.delete(key);
        entry.ready = Boolean(outcome.draft);
        return outcome;
      });
    this.entries.set(key, entry);
    return true;
  }

  /** Whether a draft for `key` is kept (started and not yet taken, dropped or given up). */
  has(key: string): boolean {
    this.prune();
    return this.entries.has(key);
  }

  /** Whether the draft kept for `key` has already arrived: a run taking it has its brand at once. */
  isReady(key: string): boolean {
    this.prune();
    return this.entries.get(key)?.ready ?? false;
  }

  /**
   * The brand step of the run just created for `key`: the kept draft when there is one (taken, so
   * used once), or its refusal; else — none kept, or it failed transiently — `designBrand` itself,
   * as without speculation.
   */
  designFor(key: string, designBrand: DesignBrand): DesignBrand {
    this.prune();
    const kept = this.entries.get(key);
    if (!kept) return designBrand;
    this.entries.delete(key);
    return async (request, log) => {
      const { draft, refused } = await kept.outcome;
      if (refused) throw refused;
      if (draft) this.log(`mode-brand: ${key} uses its speculative brand (no second brand call)`);
      return draft ?? designBrand(request, log);
    };
  }

  private prune(): void {
    const now = this.clock.now().getTime();
    for (const [key, entry] of this.entries)
      if (now - entry.startedAt >= this.limits.ttlMs) this.drop(key, 'no run asked for it');
  }

  private drop(key: string, why: string): void {
    this.entries.delete(key);
    this.log(`mode-brand: speculative brand for ${key} dropped unused (${why}; one brand call spent)`);
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
