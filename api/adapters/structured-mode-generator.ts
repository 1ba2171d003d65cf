import {
  GeneratedModeDraft,
  joinDraft,
  ModeBrandDraft,
  ModeDetailsDraft,
  type ModeGenerationRequest,
} from '../contracts/generated-mode';
import type { ModeDesignProgress, ModeGenerator, StructuredModel } from '../domain/ports';
import {
  MODE_BRAND_PROMPT,
  MODE_DESIGNER_PROMPT,
  MODE_DETAILS_PROMPT,
  modeDesignRequest,
  modeDetailsRequest,
} from '../domain/prompts/mode-designer';

/**
 * The visible answer's budget: enough for ~10 datasets with keywords. A reasoning deployment gets
 * headroom for its hidden reasoning on top (REASONING_HEADROOM, api/adapters/azure/structured-model.ts);
 * Azure reserves prompt + the total against TPM up front (docs/pitfalls.md 4.1).
 */
export const MODE_DRAFT_MAX_TOKENS = 3_000;
/** The brand step's answer is about 150 tokens (names, a colour, five tab labels). */
export const MODE_BRAND_MAX_TOKENS = 600;

export type ModeDesign = 'two-step' | 'one-shot';

/**
 * The model-backed ModeGenerator. It goes through the StructuredModel port — a strict json_schema
 * call on the structured deployment, never the model router, which may route to a model without
 * structured outputs (docs/pitfalls.md 3.1) — and the port validates every answer with the same zod schema
 * and retries once. The draft is validated again and guarded (buildGeneratedMode) before storage.
 *
 * Two steps by default (issue #12): output tokens dominate a design's time (~155 tokens/s after
 * ~1.7 s to the first), so a ~150-token brand call puts the look on screen in about 3 s, and the
 * details call, told the brand, fills the rest; together they cost about one more first-token
 * wait than the one-shot call (`one-shot`, kept as the bench's baseline).
 */
export class StructuredModeGenerator implements ModeGenerator {
  readonly name = 'structured-model';
  /** Two-step only: the request that creates a job designs the look at once (issue #12). */
  readonly designBrand?: (request: ModeGenerationRequest, log?: (line: string) => void) => Promise<ModeBrandDraft>;

  constructor(
    private readonly model: StructuredModel,
    private readonly design: ModeDesign = 'two-step',
  ) {
    if (design === 'two-step') this.designBrand = (request, log) => this.brandStep(request, log);
  }

  async generate(request: ModeGenerationRequest, progress?: ModeDesignProgress): Promise<GeneratedModeDraft> {
    // A brand already shown is kept whatever the design: only its details are made.
    const log = progress?.log;
    if (progress?.brand) return joinDraft(progress.brand, await this.detailsStep(request, progress.brand, log));
    if (this.design === 'one-shot') return this.oneShot(request, log);
    const own = await this.brandStep(request, log);
    const brand = (await progress?.onBrand(own)) ?? own;
    return joinDraft(brand, await this.detailsStep(request, brand, log));
  }

  private brandStep(request: ModeGenerationRequest, log?: (line: string) => void): Promise<ModeBrandDraft> {
    return this.model.complete({
      name: 'mode_brand',
      schema: ModeBrandDraft,
      messages: [
        { role: 'system', content: MODE_BRAND_PROMPT },
        { role: 'user', content: modeDesignRequest(request) },
      ],
      maxCompletionTokens: MODE_BRAND_MAX_TOKENS,
      ...(log ? { log } : {}),
    });
  }

  private detailsStep(
    request: ModeGenerationRequest,
    brand: ModeBrandDraft,
    log?: (line: string) => void,
  ): Promise<ModeDetailsDraft> {
    return this.model.complete({
      name: 'mode_details',
      schema: ModeDetailsDraft,
      messages: [
        { role: 'system', content: MODE_DETAILS_PROMPT },
        { role: 'user', content: modeDetailsRequest(request, brand) },
      ],
      maxCompletionTokens: MODE_DRAFT_MAX_TOKENS,
      ...(log ? { log } : {}),
    });
  }

  private oneShot(request: ModeGenerationRequest, log?: (line: string) => void): Promise<GeneratedModeDraft> {
    return this.model.complete({
      name: 'mode_draft',
      schema: GeneratedModeDraft,
      messages: [
        { role: 'system', content: MODE_DESIGNER_PROMPT },
        { role: 'user', content: modeDesignRequest(request) },
      ],
      maxCompletionTokens: MODE_DRAFT_MAX_TOKENS,
      ...(log ? { log } : {}),
    });
  }
}
