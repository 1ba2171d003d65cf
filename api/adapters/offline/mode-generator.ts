import {
  brandOf,
  detailsOf,
  joinDraft,
  type GeneratedModeDraft,
  type ModeBrandDraft,
  type ModeGenerationRequest,
} from '../../contracts/generated-mode';
import { hexToHsl, hslToHex } from '../../domain/palette';
import { hashString } from '../../domain/persona';
import type { ModeDesignProgress, ModeGenerator } from '../../domain/ports';
import { findBrand } from './brands';
import { wordsOf } from './families/family';
import { withFamilyLists } from './families/lists';
import { familyFor, familyForBuiltin } from './lexicon';

/** A company's own shade near the family colour, so two clinics with different names look different. */
function variantColor(familyColor: string, company: string): string {
  const [h, s, l] = hexToHsl(familyColor);
  const shift = (hashString(company.toLowerCase()) % 71) - 35;
  return hslToHex([h + shift, Math.max(s, 0.45), Math.min(0.5, Math.max(0.3, l))]);
}

/**
 * The offline ModeGenerator: templates driven by the industry words (a small lexicon of industry
 * families plus generic archetypes), with well-known companies recognised for branded variants.
 * Deterministic, instant, and as bounded as the structured generator: it returns the same draft
 * shape, which goes through the same validation and guards before it is stored.
 */
export class OfflineModeGenerator implements ModeGenerator {
  readonly name = 'offline-templates';

  /** Both steps, like the structured generator: the brand is reported first (instantly here), then the whole draft. */
  async generate(request: ModeGenerationRequest, progress?: ModeDesignProgress): Promise<GeneratedModeDraft> {
    const draft = this.draft(request);
    if (progress?.brand) return joinDraft(progress.brand, detailsOf(draft));
    const own = brandOf(draft);
    const brand = (await progress?.onBrand(own)) ?? own;
    return brand === own ? draft : joinDraft(brand, detailsOf(draft));
  }

  /** The brand step alone, as the structured two-step generator has it (the request that creates a job shows it at once). */
  async designBrand(request: ModeGenerationRequest): Promise<ModeBrandDraft> {
    return brandOf(this.draft(request));
  }

  /** The whole draft, synchronously (the emulator's mode brains answer each step from it). */
  draft(request: ModeGenerationRequest): GeneratedModeDraft {
    const brand = (request.companyName ? findBrand(request.companyName) : undefined) ?? findBrand(request.industry);
    const family = brand?.builtin
      ? familyForBuiltin(brand.builtin)
      : familyFor(brand ? brand.industry : request.industry);
    const draft = withFamilyLists(
      family.id,
      family.draft(wordsOf(brand && !request.companyName ? brand.industry : request.industry)),
    );
    const company = request.companyName ?? brand?.name;
    if (!company) return draft;
    return {
      ...draft,
      companyName: company.slice(0, 40),
      primaryColor: brand?.color ?? variantColor(draft.primaryColor, company),
    };
  }
}
