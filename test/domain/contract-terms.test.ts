// 劳动合同法 第十九条 (probation limits), 第四十七条 (compensation months, service counted
// inclusively, 第九十七条第三款 for 第三十八条 grounds), the certificate's service length and
// 解除/终止, and the checklist items compensation and month-end exits add.
import { describe, expect, it } from 'vitest';
import { createLegalCalendar } from '../../src/domain/calendar/work-calendar.ts';
import { compensationBasis, compensationMonths } from '../../src/domain/contracts/economic-compensation.ts';
import { contractTermProblem, inProbationOn, probationLimitMonths } from '../../src/domain/contracts/probation-limit.ts';
import { contractEnding } from '../../src/domain/exits/contract-ending.ts';
import { planExitChecklist } from '../../src/domain/exits/exit-checklist.ts';
import { contractTermLabel, separationCertificateContent, serviceLength } from '../../src/domain/exits/exit-documents.ts';
import { defaultExitRules } from '../../src/domain/exits/exit-rules.ts';

describe('probation limits (劳动合同法 第十九条)', () => {
  it.each([
    ['2026-01-01', '2026-03-30', 0], // 2 months 30 days: under three months
    ['2026-01-01', '2026-03-31', 1], // exactly three months
    ['2026-01-01', '2026-12-30', 1], // one day short of a year
    ['2026-01-01', '2026-12-31', 2], // exactly one year
    ['2025-03-01', '2026-02-28', 2], // one year, ending in February
    ['2026-01-01', '2028-12-30', 2], // one day short of three years
    ['2026-01-01', '2028-12-31', 6], // exactly three years
    ['2026-01-01', null, 6], // 无固定期限
  ] as const)('a contract %s → %s allows %i months', (start, end, months) => {
    expect(probationLimitMonths(start, end)).toBe(months);
  });

  it.each([
    [{ contractStart: '2026-01-01', contractEnd: '2026-12-31', probationEnd: '2026-02-28' }, null],
    [{ contractStart: '2026-01-01', contractEnd: '2026-12-31', probationEnd: '2026-03-01' }, '试用期截止日期最晚为 2026-02-28'],
    [{ contractStart: '2026-01-01', contractEnd: '2026-03-15', probationEnd: '2026-01-10' }, '不得约定试用期'],
    [{ contractStart: '2026-01-01', contractEnd: '2026-06-30', probationEnd: '2026-01-31' }, null],
    [{ contractStart: '2026-01-01', contractEnd: '2026-06-30', probationEnd: '2026-02-01' }, '试用期不得超过一个月'],
    [{ contractStart: '2026-01-31', contractEnd: null, probationEnd: '2026-07-30' }, null],
    [{ contractStart: '2026-01-31', contractEnd: null, probationEnd: '2026-07-31' }, '试用期不得超过六个月'],
    [{ contractStart: null, contractEnd: null, probationEnd: '2026-03-01' }, '请同时填写合同开始日期'],
    [{ contractStart: '2026-01-01', contractEnd: '2025-12-31', probationEnd: null }, '早于合同开始日期'],
    [{ contractStart: null, contractEnd: null, probationEnd: null }, null],
  ])('checks %o', (term, expected) => {
    const problem = contractTermProblem(term);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem?.message).toContain(expected);
  });

  it('names the article in every refusal', () => {
    expect(contractTermProblem({ contractStart: '2026-01-01', contractEnd: '2026-12-31', probationEnd: '2026-06-30' })?.message).toContain('《劳动合同法》第十九条');
  });

  it('is in probation through its last day only', () => {
    expect(inProbationOn('2026-11-02', '2026-11-02')).toBe(true);
    expect(inProbationOn('2026-11-01', '2026-11-02')).toBe(false);
    expect(inProbationOn(null, '2026-11-02')).toBe(false);
  });
});

describe('economic compensation (第四十六条、第四十七条)', () => {
  const fault = { kind: 'EMPLOYER_FAULT_RESIGNATION', proposedBy: null };
  it.each([
    ['2025-03-01', '2026-02-28', 1], // a full year, both days counted
    ['2025-03-01', '2026-02-27', 1], // 11 months and more: six months or more counts as a year
    ['2025-03-01', '2025-08-31', 1], // exactly six months
    ['2025-03-01', '2025-08-30', 0.5], // under six months: half
    ['2023-03-01', '2026-03-10', 3.5], // three years and ten days
    ['2005-06-01', '2026-12-31', 19], // 第三十八条: only from 2008-01-01 (第九十七条第三款)
  ])('service %s → %s earns %s months', (start, exit, months) => {
    expect(compensationMonths(fault, start, exit)).toBe(months);
  });

  it('counts service before 2008 for an employer-proposed agreement', () => {
    expect(compensationMonths({ kind: 'MUTUAL_AGREEMENT', proposedBy: 'employer' }, '2005-06-01', '2026-12-31')).toBe(22);
  });

  it('is owed on a 第三十八条 resignation and an employer-proposed agreement only', () => {
    expect(compensationBasis(fault)).toContain('第四十六条第（一）项');
    expect(compensationBasis({ kind: 'MUTUAL_AGREEMENT', proposedBy: 'employer' })).toContain('第四十六条第（二）项');
    expect(compensationBasis({ kind: 'MUTUAL_AGREEMENT', proposedBy: 'employee' })).toBeNull();
    expect(compensationBasis({ kind: 'RESIGNATION', proposedBy: null })).toBeNull();
  });
});

describe('the checklist and the certificate', () => {
  const calendar = createLegalCalendar();
  it('adds 支付经济补偿 due on the exit date when compensation is owed', () => {
    const plan = planExitChecklist('2026-11-20', calendar, { legalBasis: '经济补偿 1 个月工资' });
    expect(plan.find((t) => t.kind === 'pay_compensation')).toMatchObject({ title: '支付经济补偿', dueOn: '2026-11-20' });
    expect(planExitChecklist('2026-11-20', calendar).some((t) => t.kind === 'pay_compensation')).toBe(false);
  });

  it('never dates 减员 before the exit, and tells the leaver of unemployment benefits', () => {
    const plan = planExitChecklist('2026-11-30', calendar);
    expect(plan.find((t) => t.kind === 'stop_contributions')?.dueOn).toBe('2026-11-30');
    const unemployment = plan.find((t) => t.kind === 'unemployment_report');
    expect(unemployment?.title).toContain('告知');
    expect(unemployment?.legalBasis).toContain('告知其按照规定享受失业保险待遇的权利');
  });

  it('counts service inclusively', () => {
    expect(serviceLength('2025-03-01', '2026-02-28')).toBe('1年');
    expect(serviceLength('2025-03-01', '2026-02-27')).toBe('11个月');
  });

  it('prints the agreed term, never start → exit', () => {
    expect(contractTermLabel('2025-03-01', '2028-02-29')).toBe('2025-03-01 至 2028-02-29');
    expect(contractTermLabel('2025-03-01', null)).toBe('自 2025-03-01 起无固定期限');
    expect(contractTermLabel(null, null)).toBe('未登记合同期限');
  });

  it('says 解除 or 终止 as the contract ended', () => {
    const base = { exitDate: '2026-12-31', contractEnd: '2026-12-31', birthDate: null, sex: null, retirementCategory: null };
    expect(contractEnding({ ...base, kind: 'OTHER' })).toBe('终止');
    expect(contractEnding({ ...base, kind: 'ABSENCE' })).toBe('解除');
    expect(contractEnding({ ...base, kind: 'MUTUAL_AGREEMENT' })).toBe('解除');
    expect(contractEnding({ ...base, kind: 'OTHER', contractEnd: '2027-12-31' })).toBe('解除');
    expect(contractEnding({ ...base, kind: 'OTHER', contractEnd: null, birthDate: '1965-06-15', sex: 'male' })).toBe('终止');
  });

  it('prints the term, the inclusive service, the full ID number and 解除 or 终止 on the certificate', () => {
    const content = separationCertificateContent({
      name: '张三', employeeNo: 'E1', idNumber: '11010519491231002X', position: '销售', startDate: '2025-03-01', exitDate: '2026-02-28',
      contractTerm: contractTermLabel('2025-03-01', '2028-02-29'), ending: '解除', serviceYears: serviceLength('2025-03-01', '2026-02-28'), issuedOn: '2026-02-28',
    }, defaultExitRules);
    const text = [content.title, ...content.paragraphs, ...content.facts.map((f) => `${f.label}:${f.value}`)].join('\n');
    expect(content.title).toBe('解除劳动合同证明书');
    expect(text).toContain('劳动合同期限：2025-03-01 至 2028-02-29');
    expect(text).not.toContain('2025-03-01 至 2026-02-28');
    expect(text).toContain('工作年限为1年');
    expect(text).toContain('11010519491231002X');
    expect(text).toContain('已于 2026-02-28 解除');
  });
});
