import type { Mode } from '../../../../api/contracts/mode';
import { brandMarkSvg, markSubjectOf, type MarkArt } from './brand-mark';

/**
 * The header's brand mark. Decorative: the company's name beside it (the h1) is its label, so it is
 * aria-hidden and carries no title. `art` is the seam for a generated mark (brand-mark.ts MarkArt).
 */
export function BrandMark({ mode, art }: { mode: Mode; art?: MarkArt }) {
  const shown = art ?? { kind: 'drawn', svg: brandMarkSvg(markSubjectOf(mode)) };
  if (shown.kind === 'image') {
    return (
      <span class="brand__mark brand__mark--art" aria-hidden="true" data-testid="brand-mark">
        <img src={shown.src} alt="" width={40} height={40} />
      </span>
    );
  }
  return (
    <span
      class="brand__mark brand__mark--art"
      aria-hidden="true"
      data-testid="brand-mark"
      data-mark={mode.id}
      // Our own SVG, built from escaped text and fixed paths (brand-mark.ts), never markup from the API.
      dangerouslySetInnerHTML={{ __html: shown.svg }}
    />
  );
}
