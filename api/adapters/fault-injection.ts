import type { GeneratedModeDraft, ModeBrandDraft, ModeGenerationRequest } from '../contracts/generated-mode';
import { DomainError, UpstreamUnavailable } from '../domain/errors';
import type { ModeDesignProgress, ModeGenerator } from '../domain/ports';

/**
 * TEST-ONLY failure injection for mode generation, so e2e and integration tests can show the
 * failure paths (retries → `<queue>-poison` → job failed; friendly error → Retry) on the real
 * runtime. Wired only when `PRESTO_FAULT_INJECTION` is set (never in production settings):
 *   generation-fails:<word>       every generation for an industry containing <word> fails (retryable)
 *   generation-fails-once:<word>  the first generation for each such industry fails permanently
 *   generation-fails-after-brand:<word>  the first such design fails permanently just after its
 *                                 brand step was shown (issue #12: the page rolls back to a clear error)
 *   generation-slow-after-brand-<n>s:<word>  such a design holds n seconds after its brand step, so
 *                                 a test sees the brand on screen before the dashboard (ordering)
 *   generation-slow:<word>        every generation for such an industry hangs for SLOW_FAULT_MS
 *                                 first, so a test can kill the worker mid-run deterministically
 *   generation-slow-<n>s:<word>   the same for n seconds (a test keeps a run going through an outage)
 * Several rules are comma-separated, e.g. `generation-fails:cursed,generation-fails-once:haunted`.
 */
const KINDS = [
  'generation-fails',
  'generation-fails-once',
  'generation-fails-after-brand',
  'generation-slow',
  'generation-slow-after-brand',
] as const;
export type FaultRule = { kind: (typeof KINDS)[number]; word: string; ms?: number };

/** Far longer than any test waits for a worker to be killed mid-run, far shorter than a test's timeout. */
export const SLOW_FAULT_MS = 120_000;

const isKind = (kind: string | undefined): kind is FaultRule['kind'] => (KINDS as readonly unknown[]).includes(kind);

export function parseFaults(spec: string | undefined): FaultRule[] {
  if (!spec) return [];
  return spec.split(',').map((part) => {
    const [spelled, word] = part.split(':').map((x) => x.trim());
    const afterBrand = /^generation-slow-after-brand-(\d{1,3})s$/.exec(spelled ?? '');
    if (afterBrand && word)
      return { kind: 'generation-slow-after-brand', word: word.toLowerCase(), ms: Number(afterBrand[1]) * 1000 };
    const seconds = /^generation-slow-(\d{1,3})s$/.exec(spelled ?? '');
    if (seconds && word) return { kind: 'generation-slow', word: word.toLowerCase(), ms: Number(seconds[1]) * 1000 };
    const kind = spelled;
    if (!isKind(kind) || !word) {
      throw new Error(`PRESTO_FAULT_INJECTION: "${part}" is not <${KINDS.join('|')}>:<word>`);
    }
    return { kind, word: word.toLowerCase() };
  });
}

export class FaultInjectingModeGenerator implements ModeGenerator {
  readonly name: string;
  readonly designBrand?: (request: ModeGenerationRequest, log?: (line: string) => void) => Promise<ModeBrandDraft>;
  private readonly failedOnce = new Set<string>();

  constructor(
    private readonly inner: ModeGenerator,
    private readonly rules: FaultRule[],
  ) {
    this.name = `${inner.name}+faults`;
    const brandStep = inner.designBrand?.bind(inner);
    // The brand step in the request fails like a generation (a failing designer fails both); the
    // slow and after-brand rules belong to the worker's part, which is what their tests hold or kill.
    if (brandStep)
      this.designBrand = async (request, log) => {
        for (const rule of this.matching(request)) {
          if (rule.kind === 'generation-fails')
            throw new UpstreamUnavailable('The mode designer is unavailable (injected test fault)');
          if (rule.kind === 'generation-fails-once') this.failOnce(`${rule.word}|${wordsIn(request)}`);
        }
        return brandStep(request, log);
      };
  }

  private matching(request: ModeGenerationRequest): FaultRule[] {
    const words = wordsIn(request);
    return this.rules.filter((rule) => words.includes(rule.word));
  }

  /** Throws the permanent injected failure the first time `key` is seen. */
  private failOnce(key: string, message = 'The mode designer gave up (injected test fault)'): void {
    if (this.failedOnce.has(key)) return;
    this.failedOnce.add(key);
    throw new DomainError('generation_failed', message, 502, false);
  }

  async generate(request: ModeGenerationRequest, progress?: ModeDesignProgress): Promise<GeneratedModeDraft> {
    const words = wordsIn(request);
    // A brand designed before this call (in the request, or by an earlier attempt) was shown already:
    // the after-brand rules act at once, before the details.
    const shown = progress?.brand;
    let inner = progress;
    for (const rule of this.matching(request)) {
      if (rule.kind === 'generation-slow-after-brand') {
        const ms = rule.ms ?? SLOW_FAULT_MS;
        if (shown) {
          await new Promise((resolve) => setTimeout(resolve, ms));
          continue;
        }
        const outer = inner;
        inner = {
          onBrand: async (brand) => {
            const kept = await outer?.onBrand(brand);
            await new Promise((resolve) => setTimeout(resolve, ms));
            return kept;
          },
        };
        continue;
      }
      if (rule.kind === 'generation-fails-after-brand') {
        const key = `${rule.kind}|${rule.word}|${words}`;
        const message = 'The mode designer gave up after the brand (injected test fault)';
        if (this.failedOnce.has(key)) continue;
        if (shown) {
          this.failOnce(key, message);
          continue;
        }
        const outer = inner;
        inner = {
          onBrand: async (brand) => {
            await outer?.onBrand(brand);
            this.failOnce(key, message);
          },
        };
        continue;
      }
      if (rule.kind === 'generation-slow') {
        await new Promise((resolve) => setTimeout(resolve, rule.ms ?? SLOW_FAULT_MS));
        continue;
      }
      if (rule.kind === 'generation-fails')
        throw new UpstreamUnavailable('The mode designer is unavailable (injected test fault)');
      this.failOnce(`${rule.word}|${words}`);
    }
    return this.inner.generate(request, inner);
  }
}

const wordsIn = (request: ModeGenerationRequest) => `${request.industry} ${request.companyName ?? ''}`.toLowerCase();
