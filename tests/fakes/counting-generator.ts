import type { GeneratedModeDraft, ModeBrandDraft, ModeGenerationRequest } from '../../api/contracts/generated-mode';
import type { ModeDesignProgress, ModeGenerator } from '../../api/domain/ports';
import { OfflineModeGenerator } from '../../api/adapters/offline/mode-generator';

/** Wraps a generator (offline by default), counts calls per industry, and can be told to fail. Its inner generator must have a brand step. */
export class CountingGenerator implements ModeGenerator {
  readonly name = 'counting';
  readonly calls: ModeGenerationRequest[] = [];
  fail?: (request: ModeGenerationRequest) => Error | undefined;
  delayMs = 0;
  /** While set, every call waits for this promise: a test can keep a job running until it has looked. */
  hold?: Promise<void>;

  constructor(private readonly inner: ModeGenerator = new OfflineModeGenerator()) {}

  async generate(request: ModeGenerationRequest, progress?: ModeDesignProgress): Promise<GeneratedModeDraft> {
    this.calls.push(request);
    if (this.hold) await this.hold;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const error = this.fail?.(request);
    if (error) throw error;
    return this.inner.generate(request, progress);
  }

  /** The brand step the creating request runs (issue #12): counted apart, failing like `generate`, never held. */
  readonly brandCalls: ModeGenerationRequest[] = [];
  async designBrand(request: ModeGenerationRequest): Promise<ModeBrandDraft> {
    this.brandCalls.push(request);
    const error = this.fail?.(request);
    if (error) throw error;
    if (!this.inner.designBrand) throw new Error(`${this.inner.name} has no brand step`);
    return this.inner.designBrand(request);
  }

  callsFor(industry: string): number {
    return this.calls.filter((c) => c.industry === industry).length;
  }
}
