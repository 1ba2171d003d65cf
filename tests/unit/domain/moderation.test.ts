import { describe, expect, it } from 'vitest';
import { isAbusive, moderateMode } from '../../../api/domain/modes/moderation';
import { getBuiltinMode } from '../../../api/domain/modes/catalog';

const banking = getBuiltinMode('banking')!;

describe('gallery moderation word list', () => {
  it.each([
    'Scunthorpe United Bank',
    'Bass Pro Shops',
    "Dick's Sporting Goods",
    'Penistone Energy',
    'Cockburn Savings',
    'Essex Insurance',
    'Shiitake Growers',
    'Hancock Whitney',
    'Charles Dickens Books',
    'Arsenal Supplies',
  ])('lets the real name %s through', async (name) => {
    expect(await isAbusive(name)).toBe(false);
  });

  it.each(['Fuck Bank', 'Sh1t Happens Ltd', 'bitch airlines', 'Shiiiit Insurance', 'Cunt Corp'])(
    'refuses %s, spelling tricks included',
    async (name) => {
      expect(await isAbusive(name)).toBe(true);
    },
  );

  it('approves a clean mode and refuses one whose visible words carry abuse, naming the field only', async () => {
    expect(await moderateMode({ ...banking, source: 'generated' })).toEqual({ moderation: 'approved' });
    const tab = { ...banking.tabs[2]!, label: 'Bullshit' };
    const verdict = await moderateMode({ ...banking, tabs: banking.tabs.map((t, i) => (i === 2 ? tab : t)) });
    expect(verdict).toEqual({ moderation: 'refused', reason: 'The word list matched a word in tabs[2].label.' });
    expect((await moderateMode({ ...banking, companyName: 'Twat Savings' })).moderation).toBe('refused');
    expect((await moderateMode({ ...banking, welcome: 'Welcome, you piece of shit.' })).moderation).toBe('refused');
  });

  it('reads list titles and action labels too: they are on the dashboard', async () => {
    const lists = [{ id: 'recent', kind: 'transactions' as const, title: 'Shitty purchases' }];
    expect(await moderateMode({ ...banking, lists })).toEqual({
      moderation: 'refused',
      reason: 'The word list matched a word in lists[0].title.',
    });
    const actions = [{ id: 'pay', kind: 'pay' as const, label: 'Pay the bitch' }];
    expect((await moderateMode({ ...banking, actions })).moderation).toBe('refused');
  });
});
