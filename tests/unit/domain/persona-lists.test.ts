import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../api/contracts/format';
import { PersonaList } from '../../../api/contracts/persona';
import { BUILTIN_MODES, getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildPersona } from '../../../api/domain/persona';
import { withBoard } from '../../../api/domain/persona-board';

// The persona's lists and action confirmations (issue #14 item 2): deterministic per seed, dated
// around the injected clock, and consistent with the figures the KPIs and charts show.

const asOf = new Date('2026-12-03T12:00:00Z');
const board = (id: string, seed = 7, at = asOf) => {
  const mode = getBuiltinMode(id)!;
  return { mode, persona: withBoard(mode, buildPersona(mode, seed, at), at) };
};
const list = (id: string, kind: string, seed = 7) => board(id, seed).persona.lists!.find((l) => l.kind === kind)!;
const DAY = 86_400_000;
const daysFrom = (iso: string | undefined) =>
  Math.round((Date.parse(`${iso ?? 'undated'}T12:00:00Z`) - asOf.getTime()) / DAY);
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
const UPCOMING = new Set(['bills', 'appointments', 'prescriptions', 'reservations', 'policies']);
const PAST = new Set(['transactions', 'transfers', 'claims', 'orders', 'meter_readings', 'activity']);

describe('persona lists', () => {
  it('are the same for the same seed and day, and differ for another customer', () => {
    expect(board('banking', 7).persona.lists).toEqual(board('banking', 7).persona.lists);
    expect(board('banking', 8).persona.lists).not.toEqual(board('banking', 7).persona.lists);
  });

  it('follow the injected clock: a day later, the same items one day later', () => {
    const later = board('healthcare', 7, new Date(asOf.getTime() + DAY)).persona.lists!;
    const now = board('healthcare', 7).persona.lists!;
    for (const [i, l] of now.entries()) {
      expect(later[i]!.items.map((x) => x.title)).toEqual(l.items.map((x) => x.title));
      for (const [j, item] of l.items.entries())
        expect(daysFrom(later[i]!.items[j]!.date)).toBe(daysFrom(item.date) + 1);
    }
  });

  for (const mode of BUILTIN_MODES) {
    it(`${mode.id}: every list has items, history newest first in the past weeks, upcoming soonest first`, () => {
      for (const seed of [1, 7, 4242]) {
        const lists = board(mode.id, seed).persona.lists!;
        expect(lists.map((l) => l.id)).toEqual(mode.lists!.map((l) => l.id));
        for (const l of lists) {
          expect(PersonaList.safeParse(l).success).toBe(true);
          expect(l.items.length, `${l.id} is empty`).toBeGreaterThan(0);
          // A standing list (accounts, as of today) has no date column; every other row is dated.
          expect(
            l.items.every((x) => (x.date === undefined) === (l.kind === 'accounts')),
            `${l.id} dates`,
          ).toBe(true);
          const offsets = l.items.map((x) => daysFrom(x.date));
          if (PAST.has(l.kind)) {
            expect(
              offsets.every((d) => d <= 0 && d >= -200),
              `${l.id} ${offsets.join(',')}`,
            ).toBe(true);
            expect([...offsets].sort((a, b) => b - a)).toEqual(offsets);
          } else if (UPCOMING.has(l.kind)) {
            expect(
              offsets.every((d) => d >= 0 && d <= 220),
              `${l.id} ${offsets.join(',')}`,
            ).toBe(true);
            if (l.kind !== 'policies') expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
          }
        }
      }
    });
  }

  it("the card's recent purchases add up to part of its balance, never more", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { persona } = board('banking', seed);
      const spent = -sum(list('banking', 'transactions', seed).items.map((x) => x.amount!));
      expect(spent).toBeGreaterThan(0);
      expect(spent).toBeLessThanOrEqual(persona.fields['credit_card.balance']!);
      // Every purchase is money out, shown with a minus sign.
      for (const x of list('banking', 'transactions', seed).items) expect(x.value.startsWith('−$')).toBe(true);
    }
  });

  it('accounts are the KPI balances, transfers add up to this month on the transfers chart, readings are the usage chart', () => {
    const { persona } = board('banking');
    const accounts = list('banking', 'accounts').items;
    expect(accounts.find((a) => a.title === 'Checking')!.amount).toBe(persona.fields['checking.balance']);
    expect(accounts.find((a) => a.title === 'Credit card')!.amount).toBe(persona.fields['credit_card.balance']);
    expect(-sum(list('banking', 'transfers').items.map((x) => x.amount!))).toBe(persona.series.transfers!.at(-1)!.y);
    const energy = board('energy').persona;
    const readings = list('energy', 'meter_readings').items.map((x) => x.amount);
    expect(readings).toEqual(
      energy.series
        .usage!.slice(-6)
        .map((p) => p.y)
        .reverse(),
    );
  });
});

describe('action confirmations', () => {
  it('Pay card asks for the card balance, due within three weeks, from checking', () => {
    const { persona } = board('banking');
    const pay = persona.actions!.find((a) => a.kind === 'pay')!;
    const line = (label: string) => pay.lines.find((l) => l.label === label)!.value;
    // The figure on the card balance KPI, in the one money rule (api/contracts/format.ts).
    expect(line('Amount due')).toBe(formatValue(persona.fields['credit_card.balance']!, 'currency'));
    expect(line('From')).toMatch(/^Checking •• \d{4}$/);
    const statement = list('banking', 'bills').items.find((b) => /card/i.test(b.title))!;
    expect(daysFrom(statement.date)).toBeGreaterThan(0);
    expect(daysFrom(statement.date)).toBeLessThanOrEqual(21);
    expect(pay.demoNote).toBe('Demo: no money moves.');
    expect(pay.done).toContain(line('Amount due'));
  });

  it('Check in is for the next trip, the one whose check-in is open', () => {
    const { persona } = board('airline');
    const trip = list('airline', 'flights').items[0]!;
    const checkIn = persona.actions!.find((a) => a.kind === 'check_in')!;
    expect(trip.status).toBe('Check-in open');
    expect(checkIn.title).toContain(trip.title);
    expect(checkIn.done).toContain(trip.title);
  });

  it('every pre-built action has a confirmation within the contract bounds', () => {
    for (const mode of BUILTIN_MODES) {
      const { persona } = board(mode.id);
      expect(persona.actions!.map((a) => a.id)).toEqual(mode.actions!.map((a) => a.id));
      for (const a of persona.actions!) {
        expect(a.lines.length).toBeGreaterThan(0);
        expect(a.demoNote).toMatch(/^Demo: /);
      }
    }
  });
});
