import { GeneratedModeDraft, type ModeGenerationRequest } from '../contracts/generated-mode';
import type { ModeGenerator, StructuredModel } from '../domain/ports';
import { MODE_DESIGNER_PROMPT, modeDesignRequest } from '../domain/prompts/mode-designer';

/**
 * The visible answer's budget: enough for ~10 datasets with keywords. A reasoning deployment gets
 * headroom for its hidden reasoning on top (REASONING_HEADROOM, api/adapters/azure/structured-model.ts);
 * Azure reserves prompt + the total against TPM up front (docs/pitfalls.md 4.1).
 */
export const MODE_DRAFT_MAX_TOKENS = 3_000;

/**
 * The model-backed ModeGenerator. It goes through the StructuredModel port — a strict json_schema
 * call on the structured deployment, never the model router, which may route to a model without
 * structured outputs (docs/pitfalls.md 3.1) — and the port validates every answer with the same zod schema
 * and retries once. The draft is validated again and guarded (buildGeneratedMode) before storage.
 */
export class StructuredModeGenerator implements ModeGenerator {
  readonly name = 'structured-model';

  constructor(private readonly model: StructuredModel) {}

  generate(request: ModeGenerationRequest): Promise<GeneratedModeDraft> {
    return this.model.complete({
      name: 'mode_draft',
      schema: GeneratedModeDraft,
      messages: [
        { role: 'system', content: MODE_DESIGNER_PROMPT },
        { role: 'user', content: modeDesignRequest(request) },
      ],
      maxCompletionTokens: MODE_DRAFT_MAX_TOKENS,
    });
  }
}
