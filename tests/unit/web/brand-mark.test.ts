// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODE_IDS, type Mode } from '../../../api/contracts/mode';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildGeneratedMode } from '../../../api/domain/modes/generation/build-mode';
import { veterinary } from '../../../api/adapters/offline/families/care';
import { library } from '../../../api/adapters/offline/families/civic';
import { wordsOf } from '../../../api/adapters/offline/families/family';
import { lawFirm } from '../../../api/adapters/offline/families/professional';
import { brandMarkSvg, markGlyph, markSubjectOf, type MarkSubject } from '../../../web/src/features/header/brand-mark';
import { contrastRatio } from '../../../web/src/lib/contrast';

const builtins = BUILTIN_MODE_IDS.map((id) => getBuiltinMode(id)!);
const generated = [
  buildGeneratedMode(lawFirm.draft(wordsOf('law firm')), 'law-firm', 'Whitlock & Reyes'),
  buildGeneratedMode(veterinary.draft(wordsOf('veterinary clinic')), 'veterinary-clinic', 'Happy Paws'),
  buildGeneratedMode(library.draft(wordsOf('library')), 'library', null),
];
const everyMode: Mode[] = [...builtins, ...generated];

function parse(svg: string): Document {
  return new DOMParser().parseFromString(svg, 'image/svg+xml');
}

/** The tile's outline: the first path, which is the family's shape. */
const tileOf = (svg: string) => parse(svg).querySelector('path')!.getAttribute('d');

describe('brand marks', () => {
  it('are well-formed SVG documents on a 64-unit grid, in both variants', () => {
    for (const mode of everyMode) {
      for (const variant of ['header', 'favicon'] as const) {
        const doc = parse(brandMarkSvg(markSubjectOf(mode), variant));
        expect(doc.querySelector('parsererror')).toBeNull();
        const root = doc.documentElement;
        expect(root.tagName.toLowerCase()).toBe('svg');
        expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
        expect(root.getAttribute('viewBox')).toBe('0 0 64 64');
      }
    }
  });

  it('are deterministic: the same mode always draws the same mark', () => {
    for (const mode of everyMode) expect(brandMarkSvg(markSubjectOf(mode))).toBe(brandMarkSvg(markSubjectOf(mode)));
  });

  it('differ by industry family (tile shape) and by company', () => {
    const shapes = new Set(
      ['banking', 'healthcare', 'airline'].map((id) => tileOf(brandMarkSvg(markSubjectOf(getBuiltinMode(id)!)))),
    );
    shapes.add(tileOf(brandMarkSvg(markSubjectOf(generated[0]!))));
    expect(shapes.size).toBe(4);
    const marks = new Set(everyMode.map((m) => brandMarkSvg(markSubjectOf(m))));
    expect(marks.size).toBe(everyMode.length);
    // Two companies in the same industry, same colours: still two marks.
    const a = generated[1]!;
    const b = { ...a, id: 'veterinary-clinic--paw-and-order', companyName: 'Paw and Order' };
    expect(brandMarkSvg(markSubjectOf(b))).not.toBe(brandMarkSvg(markSubjectOf(a)));
  });

  it('draw the glyph at ≥ 3:1 on its badge, even for a look known only by a low-contrast colour pair', () => {
    const hostile: MarkSubject = {
      id: 'x',
      name: 'Grey goods',
      companyName: 'Grey Co',
      theme: { primary: '#777777', onPrimary: '#808080' },
    };
    for (const subject of [...everyMode.map(markSubjectOf), hostile]) {
      const doc = parse(brandMarkSvg(subject));
      const badge = doc.querySelector('circle[r="12.5"]')!;
      const glyph = doc.querySelector('g[stroke]')!;
      expect(contrastRatio(glyph.getAttribute('stroke')!, badge.getAttribute('fill')!)).toBeGreaterThanOrEqual(3);
      const fav = parse(brandMarkSvg(subject, 'favicon'));
      const tile = fav.querySelector('path')!.getAttribute('fill')!;
      expect(contrastRatio(fav.querySelector('g[stroke]')!.getAttribute('stroke')!, tile)).toBeGreaterThanOrEqual(3);
    }
  });

  it('carry the initials in the header and a title only in the standalone favicon', () => {
    const bank = markSubjectOf(getBuiltinMode('banking')!);
    const header = parse(brandMarkSvg(bank));
    expect(header.querySelector('text')!.textContent).toBe('HB');
    expect(header.querySelector('title')).toBeNull();
    const favicon = parse(brandMarkSvg(bank, 'favicon'));
    expect(favicon.querySelector('title')!.textContent).toBe('Harborstone Bank');
    expect(favicon.querySelector('text')).toBeNull();
  });

  it('carry the industry glyph: the pre-built one (also for its company variants), else the name’s meaning', () => {
    const glyph = (id: string, name: string) =>
      markGlyph({
        id,
        name,
        companyName: 'X Y',
        source: 'generated',
        theme: { primary: '#1d4ed8', onPrimary: '#fff' },
      });
    expect(markGlyph(markSubjectOf(getBuiltinMode('banking')!))).toBe('bank');
    expect(markGlyph(markSubjectOf(getBuiltinMode('airline')!))).toBe('plane');
    expect(glyph('banking--acme-federal', 'Banking')).toBe('bank');
    expect(glyph('veterinary-clinic', 'Veterinary clinic')).toBe('paw');
    expect(glyph('law-firm', 'Law firm')).toBe('scale');
    expect(glyph('pet-pharmacy', 'Pet pharmacy')).toBe('paw');
    expect(glyph('dentist', 'Dentist')).toBe('tooth');
    expect(glyph('food-bank', 'Food bank')).toBe('utensils');
    expect(glyph('credit-union', 'Credit union')).toBe('bank');
    expect(glyph('widget-works', 'Widget works')).toBe('briefcase');
  });

  it('escape the company name', () => {
    const svg = brandMarkSvg(
      { id: 'x', name: 'Shop', companyName: '<b>&"Co', theme: { primary: '#1d4ed8', onPrimary: '#ffffff' } },
      'favicon',
    );
    expect(svg).not.toContain('<b>');
    expect(parse(svg).querySelector('title')!.textContent).toBe('<b>&"Co');
  });
});
