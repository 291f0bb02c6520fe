// The birth days the retirement reminders read: everyone owed a reminder as at a day is inside
// their category's range (so no reminder is missed), and the ranges hold no one else's birth month.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
import { addMonthsToDay, monthIndex } from '../../src/domain/retirement/month-math.ts';
import { birthDaysRetiringAround } from '../../src/domain/retirement/retiring-around.ts';
import { RETIREMENT_CATEGORIES, statutoryRetirement, statutoryRetirementDay } from '../../src/domain/retirement/statutory-retirement.ts';

const dayIn = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const category = fc.constantFrom(...RETIREMENT_CATEGORIES);
/** The reminder's own rule (send-retirement-reminders.ts): from a month before the day until the day. */
const owed = (asOf: string, birthDate: string, c: (typeof RETIREMENT_CATEGORIES)[number]) => {
  const reachedOn = statutoryRetirementDay(birthDate, c);
  return asOf >= addMonthsToDay(reachedOn, -1) && asOf <= reachedOn;
};

describe('birthDaysRetiringAround', () => {
  it('matches the annex’s example: a man born 1966-03 retires 2026-07, so a run in 2026-06 reads his birth month', () => {
    const male = birthDaysRetiringAround('2026-06-15').find((r) => r.category === 'male');
    expect(male).toEqual({ category: 'male', from: '1966-02-01', to: '1966-03-31' });
  });

  it('holds everyone owed a reminder on the day (any day, any birth day, any category)', () => {
    fc.assert(fc.property(dayIn('1962-01-01', '1995-12-31'), category, fc.integer({ min: 0, max: 31 }), (birthDate, c, back) => {
      // A day from a month before the statutory day until the day itself.
      const asOf = addDays(statutoryRetirementDay(birthDate, c), -back);
      fc.pre(owed(asOf, birthDate, c));
      const range = birthDaysRetiringAround(asOf).find((r) => r.category === c);
      expect(range && birthDate >= range.from && birthDate <= range.to).toBe(true);
    }), { numRuns: 2000 });
  });

  it('also finds the owed by a search over every birth day (no precondition skipped)', () => {
    fc.assert(fc.property(dayIn('2024-01-01', '2050-12-31'), category, (asOf, c) => {
      const range = birthDaysRetiringAround(asOf).find((r) => r.category === c);
      // Every birth day from 66 to 49 years before asOf, one by one.
      for (let d = addMonthsToDay(asOf, -66 * 12); d <= addMonthsToDay(asOf, -49 * 12); d = addDays(d, 1)) {
        if (owed(asOf, d, c)) expect(range && d >= range.from && d <= range.to).toBe(true);
      }
    }), { numRuns: 20 });
  });

  it('reads only birth months whose statutory retirement month is asOf’s month or the next', () => {
    fc.assert(fc.property(dayIn('2024-01-01', '2050-12-31'), (asOf) => {
      for (const r of birthDaysRetiringAround(asOf)) {
        for (let m = monthIndex(r.from); m <= monthIndex(r.to); m++) {
          const month = `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
          const reached = monthIndex(statutoryRetirement(month, r.category).month) - monthIndex(asOf);
          expect([0, 1]).toContain(reached);
        }
      }
    }));
  });
});
