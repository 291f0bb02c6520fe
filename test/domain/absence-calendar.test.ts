import { describe, expect, it } from 'vitest';
import { countAbsentWorkdays } from '../../src/domain/attendance/count-absent-workdays.ts';
import { createWorkCalendar } from '../../src/domain/calendar/work-calendar.ts';

const none = new Set<string>();

describe('countAbsentWorkdays over the statutory calendar', () => {
  it('finds no absence for a clock-in on 2026-09-30 and the next on 2026-10-08 (国庆 holiday between)', () => {
    const calendar = createWorkCalendar();
    const clockInDays = new Set(['2026-09-30', '2026-10-08']);
    for (const asOf of ['2026-10-01', '2026-10-04', '2026-10-07', '2026-10-08']) {
      expect(countAbsentWorkdays({ asOf, calendar, clockInDays, leaveDays: none }).days, asOf).toEqual([]);
    }
  });

  it('reaches 3 absent workdays on 2026-10-10 with no clock-in on 10-08, 10-09 and the 调休 Saturday 10-10', () => {
    const calendar = createWorkCalendar();
    const r = countAbsentWorkdays({ asOf: '2026-10-10', calendar, clockInDays: new Set(['2026-09-30']), leaveDays: none });
    expect(r.days).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);
    expect(r.lastClockInDay).toBe('2026-09-30');
    expect(r.missingYears).toEqual([]);
    // One day earlier the streak is only two workdays long.
    expect(countAbsentWorkdays({ asOf: '2026-10-09', calendar, clockInDays: new Set(['2026-09-30']), leaveDays: none }).days).toHaveLength(2);
  });

  it('does not count approved leave days, and leave does not break the streak', () => {
    const calendar = createWorkCalendar();
    const leaveDays = new Set(['2026-10-08', '2026-10-09']);
    const r = countAbsentWorkdays({ asOf: '2026-10-10', calendar, clockInDays: new Set(['2026-09-30']), leaveDays });
    expect(r.days).toEqual(['2026-10-10']);
    // Leave in the middle: Mon 10-12 absent, Tue 10-13 leave, Wed 10-14 absent → still one streak of 3 with 10-10.
    const mid = countAbsentWorkdays({ asOf: '2026-10-14', calendar, clockInDays: new Set(['2026-10-09']), leaveDays: new Set(['2026-10-13']) });
    expect(mid.days).toEqual(['2026-10-10', '2026-10-12', '2026-10-14']);
  });

  it('skips a company closure day (override) and counts an override working Sunday', () => {
    const calendar = createWorkCalendar({ company: [
      { day: '2026-11-03', isWorkday: false },
      { day: '2026-11-08', isWorkday: true },
    ] });
    const r = countAbsentWorkdays({ asOf: '2026-11-09', calendar, clockInDays: new Set(['2026-11-02']), leaveDays: none });
    expect(r.days).toEqual(['2026-11-04', '2026-11-05', '2026-11-06', '2026-11-08', '2026-11-09']);
  });

  it('flags a 2027 day as a year without the notice, and never counts 元旦 2027 as absent', () => {
    const warned: number[] = [];
    const calendar = createWorkCalendar({ onMissingYear: (y) => warned.push(y) });
    const r = countAbsentWorkdays({ asOf: '2027-01-05', calendar, clockInDays: new Set(['2026-12-30']), leaveDays: none });
    expect(r.missingYears).toEqual([2027]);
    expect(warned).toEqual([2027]);
    // 2027-01-01 is a Friday and 元旦: a statutory holiday even before the 2027 notice is out.
    expect(r.days).toEqual(['2026-12-31', '2027-01-04', '2027-01-05']);
  });

  it('stops at the start date: a hire is not absent before joining', () => {
    const r = countAbsentWorkdays({ asOf: '2026-11-11', calendar: createWorkCalendar(), clockInDays: none, leaveDays: none, since: '2026-11-10' });
    expect(r.days).toEqual(['2026-11-10', '2026-11-11']);
  });
});

describe('weekly rest days of a company', () => {
  it('makes plain Saturdays workdays for a Sunday-only company, keeping holidays and 调休', () => {
    const calendar = createWorkCalendar({ weeklyRestDays: [0] });
    expect(calendar.isWorkday('2026-11-07')).toBe(true); // plain Saturday
    expect(calendar.isWorkday('2026-11-08')).toBe(false); // Sunday
    expect(calendar.isWorkday('2026-10-03')).toBe(false); // 国庆 Saturday stays a holiday
    expect(calendar.isWorkday('2026-10-10')).toBe(true); // 调休 Saturday
  });

  it('gives a Monday-rest company its Mondays off unless they are 调休 workdays', () => {
    const calendar = createWorkCalendar({ weeklyRestDays: [1] });
    expect(calendar.isWorkday('2026-11-09')).toBe(false);
    expect(calendar.isWorkday('2026-11-08')).toBe(true);
  });
});
