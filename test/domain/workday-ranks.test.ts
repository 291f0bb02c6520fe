// The ranks answer exactly what walking the days answers, on any calendar and in any order of
// questions (a span restarted far away included), and leave to the walk what they cannot rank.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nthWorkdayFrom, walkNthWorkdayFrom, walkWorkdaysIn, workdaysIn } from '../../src/domain/calendar/day-math.ts';
import { createLegalCalendar, createWorkCalendar } from '../../src/domain/calendar/work-calendar.ts';
import { workdayRanks } from '../../src/domain/calendar/workday-ranks.ts';

const dayIn = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** A company calendar: its own rest days and closures or extra working days. */
const calendar = fc.record({
  weeklyRestDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
  company: fc.array(fc.record({ day: dayIn('2025-01-01', '2028-12-31'), isWorkday: fc.boolean() }), { maxLength: 30 }),
});
const question = fc.oneof(
  fc.record({ kind: fc.constant('nth' as const), from: dayIn('2025-01-01', '2028-12-31'), n: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('in' as const), from: dayIn('2025-01-01', '2028-12-31'), to: dayIn('2025-01-01', '2028-12-31') }),
);

describe('workday ranks', () => {
  it('counts 国庆 and its 调休 as the walk does: 15 working days from 2026-09-25 end on 2026-10-22', () => {
    const legal = createLegalCalendar();
    expect(nthWorkdayFrom('2026-09-25', 15, legal)).toBe('2026-10-22');
    expect(workdaysIn('2026-10-01', '2026-10-11', legal)).toBe(walkWorkdaysIn('2026-10-01', '2026-10-11', legal));
  });

  it('answers any sequence of questions on any calendar as the walk does', () => {
    fc.assert(fc.property(calendar, fc.array(question, { minLength: 1, maxLength: 25 }), (o, questions) => {
      const ranked = createWorkCalendar(o);
      const walked = createWorkCalendar(o);
      for (const q of questions) {
        if (q.kind === 'nth') expect(nthWorkdayFrom(q.from, q.n, ranked)).toBe(walkNthWorkdayFrom(q.from, q.n, walked));
        else expect(workdaysIn(q.from, q.to, ranked)).toBe(walkWorkdaysIn(q.from, q.to, walked));
      }
    }), { numRuns: 300 });
  });

  it('starts a new span for a question years away, and answers the old days again after it', () => {
    const ranked = createLegalCalendar();
    const walked = createLegalCalendar();
    for (const [from, n] of [['2026-09-25', 15], ['1995-05-02', 20], ['2026-12-30', 3], ['2040-01-25', 30], ['2026-09-25', 15]] as const) {
      expect(nthWorkdayFrom(from, n, ranked)).toBe(walkNthWorkdayFrom(from, n, walked));
    }
    expect(workdaysIn('1995-01-01', '2026-12-31', ranked)).toBe(walkWorkdaysIn('1995-01-01', '2026-12-31', walked));
  });

  it('leaves to the walk what it cannot rank: n below one, a five-digit year, a span of decades', () => {
    const ranks = workdayRanks(createLegalCalendar());
    expect(ranks.nthWorkdayFrom('2026-09-25', 0)).toBeUndefined();
    expect(ranks.nthWorkdayFrom('+10000-01-01', 3)).toBeUndefined();
    expect(ranks.workdaysIn('1990-01-01', '2026-12-31')).toBeUndefined();
    expect(nthWorkdayFrom('2026-09-25', 0, createLegalCalendar())).toBe('2026-09-24');
  });
});
