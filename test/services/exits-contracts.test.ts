// Contract terms on the employee and what they decide at the exit: the notice period of a
// resignation (劳动合同法 第三十七条, probation as recorded, 第十九条), a 第三十八条 resignation
// without notice period, compensation on the checklist (第四十六条、第四十七条、第五十条第二款), and
// the separation certificate (实施条例 第二十四条) with the full ID number, its read audited.
import { describe, expect, it } from 'vitest';
import { issueSeparationCertificate } from '../../src/services/exits/issue-separation-certificate.ts';
import { recordEmployerFaultResignation } from '../../src/services/exits/record-employer-fault-resignation.ts';
import { requestResignation } from '../../src/services/exits/request-resignation.ts';
import { startMutualExit } from '../../src/services/exits/start-mutual-exit.ts';
import { getExitDocument } from '../../src/services/exits/get-exit-document.ts';
import { loadEmployeeActor } from '../../src/services/sessions/load-employee-actor.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { exitCompany } from './exits-kit.ts';

const t = await createTestDb();
const c = await exitCompany(t);

async function employeeActor(id: string) {
  const actor = await loadEmployeeActor(t.db, id, { ip: '10.0.0.9', userAgent: 'wxwork/4.1' });
  if (!actor) throw new Error('no actor');
  return actor;
}

const compensationTask = (processId: string) => t.db.exitTask.findUnique({ where: { uniqueKey: `${processId}:pay_compensation` } });

describe('contracts at the exit', () => {
  it('asks 30 days of a 1-year contract whose probation has ended, 3 while it runs', async () => {
    c.setNow('2026-11-02 10:00');
    const past = await makeEmployee(c.deps, { name: '试用已过', startDate: '2026-09-01', contractStart: '2026-09-01', contractEnd: '2027-08-31', probationEnd: '2026-10-31' });
    const r = await requestResignation(c.deps, { actor: await employeeActor(past.id), lastDay: '2026-11-06', reason: '个人发展' });
    expect(r).toMatchObject({ requiredDays: 30, noticeDays: 4 });
    expect(r.warning).toContain('提前三十日');

    const running = await makeEmployee(c.deps, { name: '试用期内', startDate: '2026-10-08', contractStart: '2026-10-08', contractEnd: '2027-10-07', probationEnd: '2026-12-07' });
    expect(await requestResignation(c.deps, { actor: await employeeActor(running.id), lastDay: '2026-11-06', reason: '个人发展' })).toMatchObject({ requiredDays: 3, warning: null });
  });

  it('takes a 第三十八条 resignation without notice period and adds 支付经济补偿 with the months', async () => {
    c.setNow('2026-11-02 10:00');
    const e = await makeEmployee(c.deps, { name: '被迫解除', startDate: '2024-03-01', monthlyWage: 1_200_000 });
    const r = await requestResignation(c.deps, { actor: await employeeActor(e.id), lastDay: '2026-11-02', reason: '公司未缴社保', ground: 'no_social_insurance' });
    expect(r).toMatchObject({ requiredDays: 0, noticeDays: 0, warning: null });
    const p = await t.db.exitProcess.findUniqueOrThrow({ where: { id: r.processId } });
    expect(p).toMatchObject({ kind: 'EMPLOYER_FAULT_RESIGNATION', ground: 'no_social_insurance' });
    expect(await c.job('2026-11-02')).toContain('exits completed 1');
    const task = await compensationTask(r.processId);
    // 2024-03-01 → 2026-11-02 inclusive: 2 years 8 months → 3 months (第四十七条).
    expect(task).toMatchObject({ title: '支付经济补偿', state: 'OPEN' });
    expect(task?.dueOn.toISOString().slice(0, 10)).toBe('2026-11-02');
    expect(task?.legalBasis).toContain('经济补偿 3 个月工资');
    expect(task?.legalBasis).toContain('估算 ¥36,000.00');
    expect(task?.legalBasis).toContain('第四十六条第（一）项');
  });

  it('lets HR record a 第三十八条 resignation, counting service only from 2008 (第九十七条第三款)', async () => {
    c.setNow('2026-11-02 10:00');
    const e = await makeEmployee(c.deps, { name: '老员工', startDate: '2006-05-08' });
    const r = await recordEmployerFaultResignation(c.deps, { actor: c.hr.actor, employeeId: e.id, ground: 'unpaid_wages', noticedOn: '2026-11-02', exitDate: '2026-11-02', reason: '拖欠工资' });
    expect(r.state).toBe('EXITED');
    const task = await compensationTask(r.processId);
    // 2008-01-01 → 2026-11-02: 18 years 10 months → 19 months; no wage on record, so no estimate.
    expect(task?.legalBasis).toContain('经济补偿 19 个月工资');
    expect(task?.legalBasis).toContain('第九十七条第三款');
    expect(task?.legalBasis).not.toContain('估算');
  });

  it('owes compensation on a mutual agreement the employer proposed, not one the employee did', async () => {
    c.setNow('2026-11-02 10:00');
    const a = await makeEmployee(c.deps, { name: '单位提出', startDate: '2025-03-01' });
    const byEmployer = await startMutualExit(c.deps, { actor: c.hr.actor, employeeId: a.id, exitDate: '2026-11-02', agreedOn: '2026-11-01', reason: '业务调整', proposedBy: 'employer' });
    expect((await compensationTask(byEmployer.processId))?.legalBasis).toContain('经济补偿 2 个月工资');
    expect(await t.db.exitTask.count({ where: { processId: byEmployer.processId } })).toBe(7);
    const b = await makeEmployee(c.deps, { name: '员工提出', startDate: '2025-03-01' });
    const byEmployee = await startMutualExit(c.deps, { actor: c.hr.actor, employeeId: b.id, exitDate: '2026-11-02', agreedOn: '2026-11-01', reason: '个人原因', proposedBy: 'employee' });
    expect(await compensationTask(byEmployee.processId)).toBeNull();
  });

  it('issues the certificate with the full ID number and audits the read', async () => {
    c.setNow('2026-02-28 10:00');
    const e = await makeEmployee(c.deps, { name: '证明人', startDate: '2025-03-01', contractStart: '2025-03-01', contractEnd: '2028-02-29', probationEnd: '2025-04-30' });
    const r = await startMutualExit(c.deps, { actor: c.hr.actor, employeeId: e.id, exitDate: '2026-02-28', agreedOn: '2026-02-27', reason: '协商一致', proposedBy: 'employee' });
    await issueSeparationCertificate(c.deps, { processId: r.processId, actor: c.hr.actor });
    const reads = await t.db.auditEvent.findMany({ where: { type: 'employee.personal_data_read', subjectId: e.id } });
    expect(reads.map((x) => (x.data as { purpose: string }).purpose)).toEqual(['separation certificate']);
    const doc = await t.db.evidenceEntry.findFirstOrThrow({ where: { subjectId: r.processId, type: 'exit.document' } });
    expect(doc.metadata).toMatchObject({ document: 'separation_certificate', title: '解除劳动合同证明书' });
    await getExitDocument(c.deps, { actor: c.manager.actor, processId: r.processId, kind: 'separation_certificate' });
    expect(await t.db.auditEvent.count({ where: { type: 'employee.personal_data_read', subjectId: e.id } })).toBe(2);
  });
});
