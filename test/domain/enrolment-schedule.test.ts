import { describe, expect, it } from 'vitest';
import { defaultEnrolmentRules, parseEnrolmentRules } from '../../src/domain/enrolment/enrolment-rules.ts';
import { enrolmentSchedule, stagesDue } from '../../src/domain/enrolment/enrolment-schedule.ts';
import { createLegalCalendar, createWorkCalendar } from '../../src/domain/calendar/work-calendar.ts';

const calendar = createLegalCalendar();
// 2027 has no official data in chinese-days yet: an imported notice enters it as statutory days.
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

  it('rolls over the year end and flags 2027 as a year without the State Council notice', () => {
    const cal = createLegalCalendar();
    const warned: number[] = [];
    const flagged = createLegalCalendar({ onMissingYear: (y) => warned.push(y) });
    expect(enrolmentSchedule('2026-12-31', cal, defaultEnrolmentRules).legalDeadline).toBe('2027-02-01');
    expect(cal.missingYears).toEqual(new Set([2027]));
    enrolmentSchedule('2026-12-31', flagged, defaultEnrolmentRules);
    enrolmentSchedule('2026-12-30', flagged, defaultEnrolmentRules);
    expect(warned).toEqual([2027]);
  });

  it('keeps 2027-01-01 a holiday without 2027 data: a hire of 2026-12-02 is due on Monday 2027-01-04', () => {
    expect(enrolmentSchedule('2026-12-02', calendar, defaultEnrolmentRules).legalDeadline).toBe('2027-01-04');
  });

  it('counts the fixed Spring Festival 2027 (除夕 02-05 to 初三 02-08) without 2027 data', () => {
    // Day 30 of a 2027-01-06 start is Friday 02-05 (除夕): the next working day is Tuesday 02-09.
    expect(enrolmentSchedule('2027-01-06', calendar, defaultEnrolmentRules).legalDeadline).toBe('2027-02-09');
  });

  it('never moves a legal deadline for a company closure: only attendance sees it', () => {
    const closure = [{ day: '2026-12-31', isWorkday: false }];
    expect(createWorkCalendar({ company: closure }).isWorkday('2026-12-31')).toBe(false);
    expect(enrolmentSchedule('2026-12-01', calendar, defaultEnrolmentRules).legalDeadline).toBe('2026-12-31');
  });

  it.each([
    ['leap day as day 30', '2028-01-30', '2028-02-29'],
    ['start on the leap day', '2028-02-29', '2028-03-30'],
  ])('%s: %s → %s', (_name, start, deadline) => {
    expect(enrolmentSchedule(start, calendar, defaultEnrolmentRules).legalDeadline).toBe(deadline);
  });

  it('moves a deadline inside Spring Festival 2027 past the holiday of an imported notice', () => {
    const cal = createLegalCalendar({ statutory: spring2027, noticeYears: [2027] });
    expect(enrolmentSchedule('2027-01-07', cal, defaultEnrolmentRules).legalDeadline).toBe('2027-02-14');
    expect(enrolmentSchedule('2027-01-08', cal, defaultEnrolmentRules).legalDeadline).toBe('2027-02-14');
    expect(cal.missingYears.size).toBe(0);
  });

  it.each([
    ['cut-off on a working day before the deadline', '2026-12-01', 25, '2026-12-25'],
    ['cut-off on a Sunday moves back to Friday', '2026-12-01', 27, '2026-12-25'],
    ['the start month\'s cut-off before the deadline (本月增员截止 11-13, 法定截止 12-07)', '2026-11-07', 13, '2026-11-13'],
    ['the latest cut-off before the deadline', '2026-11-02', 25, '2026-11-25'],
    ['cut-off on the start day or before it changes nothing', '2026-11-25', 25, '2026-12-25'],
    ['cut-off on the legal deadline changes nothing', '2026-11-10', 10, '2026-12-10'],
    ['cut-off day 31 in a 30-day month is the month end', '2026-11-02', 31, '2026-11-30'],
  ])('%s', (_name, start, cutoffDay, practical) => {
    const s = enrolmentSchedule(start, calendar, { ...defaultEnrolmentRules, cutoffDay });
    expect(s.practicalDeadline).toBe(practical);
  });
});

describe('stagesDue', () => {
  const due = (start: string, asOf: string, rules = defaultEnrolmentRules) =>
    stagesDue(enrolmentSchedule(start, calendar, rules), asOf, calendar).map((s) => `${s.stage}@${s.sendOn}`);

  it.each([
    ['2026-12-10', []],
    ['2026-12-11', ['day23@2026-12-11']], // day 23 is Sunday 12-13: sent on the Friday before
    ['2026-12-13', ['day23@2026-12-11']],
    ['2026-12-17', ['day23@2026-12-11']],
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

  it('sends a reminder that falls in the National Day holiday on the last working day before it', () => {
    expect(due('2026-09-05', '2026-09-28')).toEqual(['day23@2026-09-28']);
    expect(due('2026-09-05', '2026-09-30')).toEqual(['day28@2026-09-30']);
    expect(due('2026-09-05', '2026-10-08')).toEqual(['day28@2026-09-30']);
    expect(due('2026-09-05', '2026-10-09')).toEqual(['overdue-1@2026-10-09']);
    expect(due('2026-09-05', '2026-10-10')).toEqual(['overdue-1@2026-10-09']);
    expect(due('2026-09-05', '2026-10-12')).toEqual(['overdue-2@2026-10-12']); // the 调休 Saturday counted as one
  });

  it('sends the warning and the escalation both before 国庆 when both fall in it (start 2026-09-08)', () => {
    expect(enrolmentSchedule('2026-09-08', calendar, defaultEnrolmentRules).legalDeadline).toBe('2026-10-08');
    expect(due('2026-09-08', '2026-09-29')).toEqual([]);
    expect(due('2026-09-08', '2026-09-30')).toEqual(['day23@2026-09-30', 'day28@2026-09-30']);
    expect(due('2026-09-08', '2026-10-08')).toEqual(['day23@2026-09-30', 'day28@2026-09-30']);
    expect(due('2026-09-08', '2026-10-09')).toEqual(['overdue-1@2026-10-09']);
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
