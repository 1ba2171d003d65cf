import { describe, expect, it } from 'vitest';
import { fitIcon, iconForMeaning } from '../../../../api/domain/modes/icon-meaning';
import { BUILTIN_MODE_IDS } from '../../../../api/contracts/mode';
import { getBuiltinMode } from '../../../../api/domain/modes/catalog';
import { buildGeneratedMode } from '../../../../api/domain/modes/generation/build-mode';
import { foodBank, veterinary } from '../../../../api/adapters/offline/families/care';
import { library, nonProfit, publicSector } from '../../../../api/adapters/offline/families/civic';
import { carDealer, homeServices, logistics, salon, telecom } from '../../../../api/adapters/offline/families/commerce';
import { fitness, hotel, restaurant, school } from '../../../../api/adapters/offline/families/everyday';
import { wordsOf } from '../../../../api/adapters/offline/families/family';
import { maker, services, venue } from '../../../../api/adapters/offline/families/generic';
import { bloodBank, dental, pharmacy } from '../../../../api/adapters/offline/families/health';
import { accounting, lawFirm, realEstate } from '../../../../api/adapters/offline/families/professional';

const FAMILIES = [
  veterinary,
  foodBank,
  library,
  nonProfit,
  publicSector,
  carDealer,
  homeServices,
  logistics,
  salon,
  telecom,
  fitness,
  hotel,
  restaurant,
  school,
  maker,
  services,
  venue,
  bloodBank,
  dental,
  pharmacy,
  accounting,
  lawFirm,
  realEstate,
];

describe('iconForMeaning', () => {
  it.each([
    ['Savings balance', 'piggy'],
    ['Miles balance', 'plane'],
    ['Status points', 'medal'],
    ['Rewards points', 'star'],
    ['Current bill', 'receipt'],
    ['EV charging', 'plug'],
    ['Usage this month (kWh)', 'gauge'],
    ['Mortgage remaining', 'house'],
    ['Credit card balance', 'card'],
    ['Gift card balance', 'gift'],
    ['Checking balance', 'wallet'],
    ['Deductible met', 'shield'],
    ['Prescriptions', 'pill'],
    ['Appointments', 'calendar'],
    ['Menu', 'utensils'],
    ['Nights (12 months)', 'bed'],
    ['Billable hours', 'clock'],
    ['Books borrowed (12 months)', 'book'],
    ['Oral health score', 'tooth'],
    ['Travel spend (12 months)', 'coins'],
  ] as const)('%s → %s', (label, icon) => {
    expect(iconForMeaning(label)).toBe(icon);
  });

  it('falls back to the kind of number when the words name nothing it knows', () => {
    expect(iconForMeaning('Zorb index', 'rate')).toBe('percent');
    expect(iconForMeaning('Zorb index', 'balance')).toBe('wallet');
    expect(iconForMeaning('Zorb index')).toBe('chart');
  });
});

describe('fitIcon', () => {
  it('replaces a designer icon that misfits the label', () => {
    expect(fitIcon('Savings balance', 'star')).toBe('piggy');
    expect(fitIcon('Miles', 'wallet')).toBe('plane');
    expect(fitIcon('EV charging', 'car')).toBe('car'); // a car charges: it fits
    expect(fitIcon('Current bill', 'star')).toBe('receipt');
  });

  it('keeps a designer icon that fits, and one for words it does not know', () => {
    expect(fitIcon('Claims', 'file')).toBe('file');
    expect(fitIcon('Savings balance', 'bank')).toBe('bank');
    expect(fitIcon('Zorbs', 'gift')).toBe('gift');
    expect(fitIcon('Zorbs', undefined, 'score')).toBe('star');
  });

  it('every pre-built tab and KPI already has an icon that fits its label', () => {
    const misfits = BUILTIN_MODE_IDS.flatMap((id) => {
      const mode = getBuiltinMode(id)!;
      return [...mode.tabs, ...mode.metrics]
        .filter((x) => fitIcon(x.label, x.icon) !== x.icon)
        .map((x) => `${id}: ${x.label} (${x.icon} → ${fitIcon(x.label, x.icon)})`);
    });
    expect(misfits).toEqual([]);
  });

  it('every offline family drafts tabs and KPIs whose icons fit their labels', () => {
    const misfits = FAMILIES.flatMap((family) => {
      const draft = family.draft(wordsOf(family.keywords[0] ?? 'consultancy'));
      return [...draft.tabs, ...draft.metrics]
        .filter((x) => fitIcon(x.label, x.icon) !== x.icon)
        .map((x) => `${family.id}: ${x.label} (${x.icon} → ${fitIcon(x.label, x.icon)})`);
    });
    expect(misfits).toEqual([]);
  });

  it('a generated mode gets fitting icons even when its designer chose poorly', () => {
    const draft = lawFirm.draft(wordsOf('law firm'));
    draft.metrics[0] = { ...draft.metrics[0]!, label: 'Savings balance', icon: 'star' };
    draft.tabs[1] = { ...draft.tabs[1]!, label: 'Miles', icon: 'wallet' };
    const mode = buildGeneratedMode(draft, 'law-firm', null);
    expect(mode.metrics[0]!.icon).toBe('piggy');
    expect(mode.tabs[1]!.icon).toBe('plane');
  });
});
