import { describe, it, expect } from 'vitest';
import { Theme } from '../../../api/contracts/mode';
import {
  contrastRatio,
  deriveTheme,
  hexToHsl,
  hexToRgb,
  hslToHex,
  relativeLuminance,
  rgbToHex,
  themeContrastProblems,
} from '../../../api/domain/palette';

/** A local LCG so the sweep is reproducible without depending on the code under test. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function rgbDistance(a: string, b: string): number {
  const [r1, g1, b1] = hexToRgb(a);
  const [r2, g2, b2] = hexToRgb(b);
  return Math.hypot(r1 - r2, g1 - g2, b1 - b2);
}

describe('hex and rgb', () => {
  it('parses #rrggbb and #rgb in any case and writes lower-case #rrggbb', () => {
    expect(hexToRgb('#1B4D8C')).toEqual([27, 77, 140]);
    expect(hexToRgb('#abc')).toEqual([170, 187, 204]);
    expect(rgbToHex([27, 77, 140])).toBe('#1b4d8c');
    expect(rgbToHex([300, -5, 127.6])).toBe('#ff0080');
  });

  it('rejects strings that are not colours', () => {
    expect(() => hexToRgb('blue')).toThrow();
    expect(() => hexToRgb('#12345')).toThrow();
  });

  it('round-trips through HSL', () => {
    for (const hex of ['#1b4d8c', '#c62828', '#0b8a8f', '#ffffff', '#000000', '#808080']) {
      expect(hslToHex(hexToHsl(hex))).toBe(hex);
    }
    expect(hexToHsl('#ff0000')).toEqual([0, 1, 0.5]);
  });
});

describe('contrast', () => {
  it('matches WCAG reference values', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#1b4d8c', '#1b4d8c')).toBe(1);
    // #767676 is the lightest grey that passes AA on white; #777777 just fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});

describe('deriveTheme', () => {
  it('yields an accessible light theme for 300 random primaries', () => {
    const rand = lcg(20240601);
    for (let i = 0; i < 300; i++) {
      const primary = rgbToHex([rand() * 256, rand() * 256, rand() * 256].map(Math.floor) as [number, number, number]);
      const theme = deriveTheme(primary);
      expect(Theme.parse(theme)).toEqual(theme);
      expect(themeContrastProblems(theme), primary).toEqual([]);
      expect(relativeLuminance(theme.background), primary).toBeGreaterThan(0.85);
      expect(relativeLuminance(theme.surface), primary).toBeGreaterThanOrEqual(relativeLuminance(theme.background));
      expect(theme.chart).toHaveLength(6);
      for (let a = 0; a < 6; a++) {
        for (let b = a + 1; b < 6; b++) {
          expect(rgbDistance(theme.chart[a]!, theme.chart[b]!), `${primary} chart ${a}/${b}`).toBeGreaterThan(40);
        }
      }
    }
  });

  it('covers the extremes: white, black, grey and pure yellow', () => {
    for (const primary of ['#ffffff', '#000000', '#808080', '#ffff00', '#00ffff']) {
      expect(themeContrastProblems(deriveTheme(primary)), primary).toEqual([]);
    }
  });

  it('keeps a brand colour that already passes and darkens one that does not, keeping its hue', () => {
    expect(deriveTheme('#1b4d8c').primary).toBe('#1b4d8c');
    const gold = deriveTheme('#ffc107');
    expect(gold.primary).not.toBe('#ffc107');
    expect(contrastRatio(gold.primary, gold.background)).toBeGreaterThanOrEqual(4.5);
    expect(Math.abs(hexToHsl(gold.primary)[0] - hexToHsl('#ffc107')[0])).toBeLessThan(4);
  });

  it('uses white on a dark primary', () => {
    expect(deriveTheme('#1b4d8c').onPrimary).toBe('#ffffff');
  });

  it('honours a given secondary, darkened only if needed', () => {
    expect(deriveTheme('#1b4d8c', { secondary: '#0b6e4f' }).secondary).toBe('#0b6e4f');
    const light = deriveTheme('#1b4d8c', { secondary: '#7fffd4' });
    expect(light.secondary).not.toBe('#7fffd4');
    expect(contrastRatio(light.secondary, light.surface)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('themeContrastProblems', () => {
  it('names every failing pair', () => {
    const good = deriveTheme('#1b4d8c');
    const bad: Theme = {
      ...good,
      text: '#cccccc',
      onPrimary: good.primary,
      chart: [...good.chart.slice(0, 5), '#fffacd'],
    };
    const problems = themeContrastProblems(bad);
    expect(problems).toHaveLength(4);
    expect(problems.some((p) => p.startsWith('text #cccccc on background'))).toBe(true);
    expect(problems.some((p) => p.startsWith('text #cccccc on surface'))).toBe(true);
    expect(problems.some((p) => p.startsWith('onPrimary'))).toBe(true);
    expect(problems.some((p) => p.startsWith('chart[5] #fffacd on surface'))).toBe(true);
  });

  it('holds chart colours to 3:1, not 4.5:1', () => {
    const base = deriveTheme('#1b4d8c');
    const grey = '#8a8a8a'; // about 3.4:1 on white
    expect(contrastRatio(grey, base.surface)).toBeGreaterThan(3);
    expect(contrastRatio(grey, base.surface)).toBeLessThan(4.5);
    expect(themeContrastProblems({ ...base, chart: [grey, grey, grey, grey] })).toEqual([]);
    expect(themeContrastProblems({ ...base, muted: grey })).toHaveLength(2);
  });
});
