// The legal deadlines of a leaver's checklist, counted like the enrolment deadline (民法典
// 第二百零一条、第二百零三条), and the years of service on the separation certificate.
import { describe, expect, it } from 'vitest';
import { createLegalCalendar } from '../../src/domain/calendar/work-calendar.ts';
import { planExitChecklist } from '../../src/domain/exits/exit-checklist.ts';
import { serviceLength } from '../../src/domain/exits/exit-documents.ts';
import { parseExitRules } from '../../src/domain/exits/exit-rules.ts';

const calendar = createLegalCalendar();
const dues = (exitDate: string) => Object.fromEntries(planExitChecklist(exitDate, calendar).map((t) => [t.kind, t.dueOn]));

describe('exit checklist deadlines', () => {
  it.each([
    // 7 days from 09-28 end on 10-05, inside the National Day holiday (10-01 to 10-07): the period ends on 10-08.
    ['2026-09-28', { separation_certificate: '2026-09-28', final_wages: '2026-09-28', unemployment_report: '2026-10-08', stop_contributions: '2026-09-30', transfer_files: '2026-10-13', contract_retention: '2028-09-28' }],
    // 15 days from 10-16 end on Saturday 10-31: the period ends on Monday 11-02.
    ['2026-10-16', { separation_certificate: '2026-10-16', final_wages: '2026-10-16', unemployment_report: '2026-10-23', stop_contributions: '2026-10-31', transfer_files: '2026-11-02', contract_retention: '2028-10-16' }],
    // 7 days from 12-25 end on 元旦 2027 (a statutory holiday before the 2027 notice is out), then a weekend.
    ['2026-12-25', { unemployment_report: '2027-01-04', transfer_files: '2027-01-11' }],
    // Two years after 02-29 is 03-01 (the contract is kept at least two years).
    ['2028-02-29', { contract_retention: '2030-03-01', stop_contributions: '2028-02-29' }],
  ])('for an exit on %s', (exitDate, expected) => {
    expect(dues(exitDate)).toMatchObject(expected);
  });

  it('cites the article of every duty', () => {
    for (const t of planExitChecklist('2026-11-10', calendar)) expect(t.legalBasis).toMatch(/第.+条/);
  });

  it('counts whole years and months of service', () => {
    expect(serviceLength('2024-03-01', '2026-11-10')).toBe('2年8个月');
    expect(serviceLength('2026-11-01', '2026-11-10')).toBe('不满1个月');
    expect(serviceLength('2025-11-10', '2026-11-10')).toBe('1年');
  });

  it('falls back to the default rules on a broken setting', () => {
    expect(parseExitRules('{"returnDays": 0}').error).toBeDefined();
    expect(parseExitRules('{"returnDays": 5}').rules.returnDays).toBe(5);
    expect(parseExitRules(undefined).rules.attendanceRuleName).toBe('《员工考勤管理制度》');
  });
});
