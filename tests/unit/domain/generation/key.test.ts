import { describe, expect, it } from 'vitest';
import { Slug } from '../../../../api/contracts/common';
import { BUILTIN_MODE_IDS } from '../../../../api/contracts/mode';
import { isBuiltinId, modeKey, slugify } from '../../../../api/domain/modes/generation/key';

describe('slugify', () => {
  it('lower-cases, folds accents and joins words with single dashes', () => {
    expect(slugify('Veterinary Clinic')).toBe('veterinary-clinic');
    expect(slugify('Café  Noël!!')).toBe('cafe-noel');
    expect(slugify("Ben & Jerry's")).toBe('ben-and-jerrys');
    expect(slugify('--a--b--')).toBe('a-b');
  });

  it('gives a name without Latin letters a key of its own, never the empty one (hostile-input run)', () => {
    for (const name of ['銀行', 'Ωμέγα', 'مصرف']) {
      expect(Slug.safeParse(slugify(name)).success, name).toBe(true);
      expect(slugify(name)).toBe(slugify(` ${name} `));
    }
    expect(slugify('銀行')).not.toBe(slugify('保険'));
    expect(modeKey('銀行', '三菱')).toMatch(/^u-[0-9a-f]{12}--u-[0-9a-f]{12}$/);
  });

  it('cuts at a word boundary', () => {
    expect(slugify('alpha beta gamma delta', 12)).toBe('alpha-beta');
    expect(slugify('supercalifragilistic', 5)).toBe('super');
  });
});

describe('modeKey', () => {
  it('is slug(industry) for a base mode and slug(industry)--slug(company) for a variant', () => {
    expect(modeKey('veterinary clinic', null)).toBe('veterinary-clinic');
    expect(modeKey('veterinary clinic', 'Happy Paws')).toBe('veterinary-clinic--happy-paws');
    expect(modeKey('banking', 'Wells Fargo')).toBe('banking--wells-fargo');
  });

  it('always yields a valid mode id within 48 characters', () => {
    const long = 'international specialty veterinary referral network of clinics';
    const key = modeKey(long, 'The Extraordinarily Long Company Name Incorporated');
    expect(key.length).toBeLessThanOrEqual(48);
    expect(Slug.safeParse(key).success).toBe(true);
  });

  it('never lets a variant collide with a base mode: bases never contain "--"', () => {
    for (const industry of ['bank', 'food-bank', 'a - b', 'x -- y', 'wells fargo'])
      expect(modeKey(industry, null)).not.toContain('--');
    expect(modeKey('bank', 'Wells Fargo')).not.toBe(modeKey('bank wells fargo', null));
  });

  it('knows the pre-built ids, which generated modes may never take', () => {
    for (const id of BUILTIN_MODE_IDS) expect(isBuiltinId(id)).toBe(true);
    expect(isBuiltinId('bank')).toBe(false);
    expect(isBuiltinId(modeKey('banking', 'Chase'))).toBe(false);
  });
});
