import type { GeneratedModeDraft, ModeGenerationRequest } from '../contracts/generated-mode';
import { DomainError, UpstreamUnavailable } from '../domain/errors';
import type { ModeGenerator } from '../domain/ports';

/**
 * TEST-ONLY failure injection for mode generation, so e2e and integration tests can show the
 * failure paths (retries → `<queue>-poison` → job failed; friendly error → Retry) on the real
 * runtime. Wired only when `PRESTO_FAULT_INJECTION` is set (never in production settings):
 *   generation-fails:<word>       every generation for an industry containing <word> fails (retryable)
 *   generation-fails-once:<word>  the first generation for each such industry fails permanently
 * Several rules are comma-separated, e.g. `generation-fails:cursed,generation-fails-once:haunted`.
 */
export type FaultRule = { kind: 'generation-fails' | 'generation-fails-once'; word: string };

export function parseFaults(spec: string | undefined): FaultRule[] {
  if (!spec) return [];
  return spec.split(',').map((part) => {
    const [kind, word] = part.split(':').map((x) => x.trim());
    if ((kind !== 'generation-fails' && kind !== 'generation-fails-once') || !word) {
      throw new Error(`PRESTO_FAULT_INJECTION: "${part}" is not <generation-fails|generation-fails-once>:<word>`);
    }
    return { kind, word: word.toLowerCase() };
  });
}

export class FaultInjectingModeGenerator implements ModeGenerator {
  readonly name: string;
  private readonly failedOnce = new Set<string>();

  constructor(
    private readonly inner: ModeGenerator,
    private readonly rules: FaultRule[],
  ) {
    this.name = `${inner.name}+faults`;
  }

  async generate(request: ModeGenerationRequest): Promise<GeneratedModeDraft> {
    const words = `${request.industry} ${request.companyName ?? ''}`.toLowerCase();
    for (const rule of this.rules) {
      if (!words.includes(rule.word)) continue;
      if (rule.kind === 'generation-fails')
        throw new UpstreamUnavailable('The mode designer is unavailable (injected test fault)');
      const key = `${rule.word}|${words}`;
      if (!this.failedOnce.has(key)) {
        this.failedOnce.add(key);
        throw new DomainError('generation_failed', 'The mode designer gave up (injected test fault)', 502, false);
      }
    }
    return this.inner.generate(request);
  }
}
