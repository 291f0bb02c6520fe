import { describe, expect, it } from 'vitest';
import { defaultEnrolmentRules, parseEnrolmentRules } from '../../src/domain/enrolment/enrolment-rules.ts';
import { enrolmentSchedule, stagesDue } from '../../src/domain/enrolment/enrolment-schedule.ts';
import { createWorkCalendar } from '../../src/domain/enrolment/work-calendar.ts';

const calendar = createWorkCalendar();
// 2027 has no official data in chinese-days yet: a company enters the published schedule as overrides.
const spring2027 = [
  ...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d) => ({ day: `2027-02-${d}`, isWorkday: false })),
  { day: '2027-02-14', isWorkday: true },
];

describe('enrolmentSchedule legal deadline (start + 30 calendar days, rolled to a working day)', () => {
  it.each([
    ['law.md example: day 30 is a Thursday', '2026-12-01', '2026-12-31'],
    ['law.md example: day 30 is a Sunday → Monday', '2026-11-20', '2026-12-21'],
    ['ordinary weekday', '2026-03-02', '2026-04-01'],
    ['month end, February of a common year', '2026-01-31', '2026-03-02'],
    ['start on National Day, day 30 a Saturday', '2026-10-01', '2026-11-02'],
    ['day 30 inside the National Day holiday', '2026-09-02', '2026-10-08'],
    ['day 30 on the 调休 working Saturday after National Day', '2026-09-10', '2026-10-10'],
    ['day 30 on the 调休 working Saturday before Spring Festival', '2026-01-15', '2026-02-14'],
    ['day 30 inside the Spring Festival 2026 holiday', '2026-01-17', '2026-02-24'],
    ['day 30 on Qingming', '2026-03-06', '2026-04-07'],
  ])('%s: %s → %s', (_name, start, deadline) => {
    const s = enrolmentSchedule(start, calendar, defaultEnrolmentRules);
    expect(s.legalDeadline).toBe(deadline);
    expect(s.practicalDeadline).toBe(deadline);
  });

  it('rolls over the year end and flags 2027 as a year without holiday data', () => {
    const cal = createWorkCalendar();
    const warned: number[] = [];
    const flagged = createWorkCalendar([], (y) => warned.push(y));
    expect(enrolmentSchedule('2026-12-31', cal, defaultEnrolmentRules).legalDeadline).toBe('2027-02-01');
    expect(cal.missingYears).toEqual(new Set([2027]));
    enrolmentSchedule('2026-12-31', flagged, defaultEnrolmentRules);
    enrolmentSchedule('2026-12-30', flagged, defaultEnrolmentRules);
    expect(warned).toEqual([2027]);
  });

  it.each([
    ['leap day as day 30', '2028-01-30', '2028-02-29'],
    ['start on the leap day', '2028-02-29', '2028-03-30'],
  ])('%s: %s → %s', (_name, start, deadline) => {
    expect(enrolmentSchedule(start, calendar, defaultEnrolmentRules).legalDeadline).toBe(deadline);
  });

  it('moves a deadline inside Spring Festival 2027 past the holiday entered as company overrides', () => {
    const cal = createWorkCalendar(spring2027);
    expect(enrolmentSchedule('2027-01-07', cal, defaultEnrolmentRules).legalDeadline).toBe('2027-02-14');
    expect(enrolmentSchedule('2027-01-08', cal, defaultEnrolmentRules).legalDeadline).toBe('2027-02-14');
    expect(cal.missingYears.size).toBe(0);
  });

  it.each([
    ['cut-off on a working day before the deadline', '2026-12-01', 25, '2026-12-25'],
    ['cut-off on a Sunday moves back to Friday', '2026-12-01', 27, '2026-12-25'],
    ['cut-off after the deadline changes nothing', '2026-11-20', 25, '2026-12-21'],
    ['cut-off day 31 in a 30-day month is the month end', '2026-10-20', 31, '2026-11-19'],
  ])('%s', (_name, start, cutoffDay, practical) => {
    const s = enrolmentSchedule(start, calendar, { ...defaultEnrolmentRules, cutoffDay });
    expect(s.practicalDeadline).toBe(practical);
  });
});

describe('stagesDue', () => {
  const due = (start: string, asOf: string, rules = defaultEnrolmentRules) =>
    stagesDue(enrolmentSchedule(start, calendar, rules), asOf, calendar).map((s) => `${s.stage}@${s.sendOn}`);

  it.each([
    ['2026-12-13', []], // day 23 is a Sunday: sent on Monday
    ['2026-12-14', ['day23@2026-12-14']],
    ['2026-12-17', ['day23@2026-12-14']],
    ['2026-12-18', ['day28@2026-12-18']],
    ['2026-12-21', ['day28@2026-12-18']], // the deadline itself is not overdue yet
    ['2026-12-22', ['overdue-1@2026-12-22']],
    ['2026-12-23', ['overdue-1@2026-12-22']],
    ['2026-12-24', ['overdue-2@2026-12-24']],
    ['2026-12-26', ['overdue-2@2026-12-24']],
    ['2026-12-28', ['overdue-3@2026-12-28']],
  ])('start 2026-11-20, as of %s → %j', (asOf, expected) => {
    expect(due('2026-11-20', asOf)).toEqual(expected);
  });

  it('sends a reminder that falls in the National Day holiday on the next working day, not after the deadline', () => {
    expect(due('2026-09-05', '2026-09-28')).toEqual(['day23@2026-09-28']);
    expect(due('2026-09-05', '2026-10-07')).toEqual(['day23@2026-09-28']);
    expect(due('2026-09-05', '2026-10-08')).toEqual(['day28@2026-10-08']);
    expect(due('2026-09-05', '2026-10-09')).toEqual(['overdue-1@2026-10-09']);
    expect(due('2026-09-05', '2026-10-10')).toEqual(['overdue-1@2026-10-09']);
    expect(due('2026-09-05', '2026-10-12')).toEqual(['overdue-2@2026-10-12']); // the 调休 Saturday counted as one
  });

  it('brings the escalation forward to a city cut-off before day 28', () => {
    expect(due('2026-12-01', '2026-12-25', { ...defaultEnrolmentRules, cutoffDay: 25 } as typeof defaultEnrolmentRules)).toEqual(['day28@2026-12-25']);
  });

  it('uses configured stage days and repeat interval', () => {
    const { rules } = parseEnrolmentRules(JSON.stringify({ warnDay: 20, escalateDay: 25, overdueEveryWorkdays: 1 }));
    expect(due('2026-11-20', '2026-12-10', rules)).toEqual(['day20@2026-12-10']);
    expect(due('2026-11-20', '2026-12-23', rules)).toEqual(['overdue-2@2026-12-23']);
    expect(parseEnrolmentRules('{"warnDay":"x"}').error).toBeTruthy();
  });
});
