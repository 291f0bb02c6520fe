// The absence chain on a stored attendance rule (劳动合同法 第四条) and a heard union (第四十三条):
// the notices cite the stored rule; the company's written answer to the union comes before the
// termination approval; a termination of an employee who never acknowledged the rule carries a
// red warning the approver must confirm (the card cannot, the H5 can); a company without a union
// names the body it notified.
import { beforeEach, describe, expect, it } from 'vitest';
import { APPROVAL_APPROVE } from '../../cards/action-ids.ts';
import { terminationNoticeContent } from '../../src/domain/exits/exit-documents.ts';
import { EXIT_RULES_KEY } from '../../src/domain/exits/exit-rules.ts';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { decideApprovalFromCard } from '../../src/services/approvals/decide-approval-from-card.ts';
import { getApproval } from '../../src/services/approvals/list-approvals.ts';
import { storeCompanyRule } from '../../src/services/company-rules/store-company-rule.ts';
import { loadExitSettings } from '../../src/services/exits/load-exit-settings.ts';
import { readExitNotice } from '../../src/services/exits/read-exit-notice.ts';
import { recordUnionAnswer } from '../../src/services/exits/record-union-answer.ts';
import { recordUnionNotification } from '../../src/services/exits/record-union-notification.ts';
import { requestTerminationApproval } from '../../src/services/exits/request-termination-approval.ts';
import { sendExitNotice } from '../../src/services/exits/send-exit-notice.ts';
import { signDeclaration } from '../../src/services/signatures/sign-declaration.ts';
import { pdfBytes, signedPng } from '../helpers/make-png.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { exitCompany } from './exits-kit.ts';

const t = await createTestDb();
const c = await exitCompany(t);
const WARNING = '该员工未签收《员工考勤管理制度》，解除可能被认定违法（《劳动合同法》第四条）';

async function storeRule() {
  c.setNow('2026-11-02 09:00');
  return storeCompanyRule(c.deps, {
    actor: c.hr.actor, kind: 'attendance', title: '员工考勤管理制度', article: '连续旷工三个工作日及以上的，视为严重违纪', adoptedOn: '2026-03-01',
    adoptionMethod: 'WORKERS_CONGRESS', document: { fileName: '考勤制度.pdf', bytes: pdfBytes() }, minutes: { fileName: '职代会纪要.pdf', bytes: pdfBytes() },
  });
}

/** An absence case run through both notices to UNION_PENDING. */
async function caseAtUnion(name: string) {
  c.setNow('2026-11-02 10:00');
  const { employee, absenceCaseId } = await c.absentEmployee(name);
  const { exitProcessId: id } = await c.start(employee.id, absenceCaseId);
  await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor });
  await c.deliverChat(id, 'return_notice_1', '2026-11-02 10:01');
  await c.job('2026-11-05');
  c.setNow('2026-11-06 09:00');
  await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor, round: 2 });
  await c.deliverChat(id, 'return_notice_2', '2026-11-06 09:01');
  await c.job('2026-11-09');
  c.setNow('2026-11-10 09:00');
  return { employee, id };
}

const union = (id: string, over: { notifiedBody?: string } = {}) => recordUnionNotification(c.deps, { processId: id, actor: c.hr.actor, notifiedOn: '2026-11-10', reply: '请公司慎重', ...over });
const answer = (id: string) => recordUnionAnswer(c.deps, { processId: id, actor: c.hr.actor, answeredOn: '2026-11-10', companyAnswer: '公司已研究工会意见，旷工事实清楚，维持解除决定' });

describe('exits on a stored attendance rule', () => {
  beforeEach(async () => {
    await t.db.appMeta.deleteMany({ where: { key: EXIT_RULES_KEY } });
  });

  it('cites the free-text setting without a stored rule, and the stored rule (title, version, adoption) once there is one', async () => {
    const { id } = await caseAtUnion('孙一');
    const before = (await readExitNotice(c.deps, { processId: id, actor: c.hr.actor })).notices[0]!.paragraphs.join('');
    expect(before).toContain('《员工考勤管理制度》（“连续旷工三个工作日及以上的，属于严重违反用人单位规章制度”）');
    expect(before).not.toContain('第 1 版');

    await storeRule();
    c.setNow('2026-11-10 09:00');
    const after = (await readExitNotice(c.deps, { processId: id, actor: c.hr.actor })).notices[0]!.paragraphs.join('');
    expect(after).toContain('《员工考勤管理制度》（第 1 版，2026-03-01 经职工代表大会讨论通过）（“连续旷工三个工作日及以上的，视为严重违纪”）');
    const { rules } = await loadExitSettings(t.db);
    const termination = terminationNoticeContent({
      name: '孙一', employeeNo: 'E1', department: '销售部', position: null, absentDays: ['2026-10-28'], noticesSentOn: ['2026-11-02'], absentAfterNotices: [1], issuedOn: '2026-11-12',
      unionNotifiedOn: '2026-11-10', unionReply: '无异议', companyAnswer: '维持解除决定', companyAnsweredOn: '2026-11-11',
    }, rules).paragraphs.join('');
    expect(termination).toContain('第 1 版，2026-03-01 经职工代表大会讨论通过');
    expect(termination).toContain('公司已于 2026-11-11 书面答复：维持解除决定');
  });

  it('requires the company’s written answer to the union before the termination approval (第四十三条)', async () => {
    const { id } = await caseAtUnion('周二');
    await expect(answer(id)).rejects.toMatchObject({ code: 'conflict' });
    await union(id);
    await expect(requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('书面答复') });
    await expect(recordUnionAnswer(c.deps, { processId: id, actor: c.hr.actor, answeredOn: '2026-11-09', companyAnswer: '维持' })).rejects.toMatchObject({ message: '书面答复的日期不能早于通知工会的日期' });
    await answer(id);
    await expect(answer(id)).rejects.toMatchObject({ code: 'conflict' });
    const step = await t.db.exitStep.findUniqueOrThrow({ where: { processId_kind: { processId: id, kind: 'union_notification' } } });
    expect(step.companyAnswer).toContain('维持解除决定');
    expect(await t.db.evidenceEntry.count({ where: { subjectId: id, type: 'exit.union_answered' } })).toBe(1);
    const { approvalId } = await requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor });
    const approval = await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } });
    expect(JSON.stringify(approval.summary)).toContain('公司 2026-11-10 书面答复');
  });

  it('warns on a termination the employee never acknowledged the rule for, and refuses an approve without the confirmation', async () => {
    const { id } = await caseAtUnion('吴三');
    await union(id);
    await answer(id);
    const { approvalId } = await requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor });
    const view = await getApproval(c.deps, { actor: c.manager.actor, id: approvalId });
    expect(view.warning).toBe(WARNING);
    expect(view.summary[0]).toEqual({ label: '风险提示', value: `⚠️ ${WARNING}`, tone: 'danger' });

    await expect(decideApproval(c.deps, { approvalId, decision: 'APPROVE', actor: c.manager.actor, channel: 'h5' }))
      .rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining(WARNING) });
    const card = await t.db.cardInstance.findFirstOrThrow({ where: { type: 'approval.request', state: 'OPEN', model: { path: ['title'], string_contains: '吴三' } } });
    const clicked = await decideApprovalFromCard(c.deps, { cardKey: card.cardKey, actionId: APPROVAL_APPROVE, actor: c.manager.actor, platform: 'sandbox', platformUserId: 'hr-m' });
    expect(clicked.text).toContain('请在 H5「待办」审批详情中勾选「我已知悉上述风险，仍同意」后提交');
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).state).toBe('TERMINATION_APPROVAL');
    expect(await t.db.approvalDecision.count({ where: { step: { approvalId } } })).toBe(0);

    const decided = await decideApproval(c.deps, { approvalId, decision: 'APPROVE', confirmWarning: true, actor: c.manager.actor, channel: 'h5' });
    expect(decided.status).toBe('APPROVED');
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).state).toBe('TERMINATION_NOTICE_SENT'); // effective on delivery
  });

  it('shows no warning once the employee signed the rule in force', async () => {
    const { employee, id } = await caseAtUnion('郑四');
    const rule = (await t.db.companyRule.findFirst({ where: { supersededAt: null } })) ?? (await storeRule(), await t.db.companyRule.findFirstOrThrow({ where: { supersededAt: null } }));
    c.setNow('2026-11-10 09:00');
    const actor = { kind: 'employee' as const, id: employee.id, name: employee.name, roles: ['EMPLOYEE' as const] };
    await signDeclaration(c.deps, { actor, platform: 'sandbox', template: 'company-rule-acknowledgement', subjectId: rule.id, typedName: employee.name, statementAccepted: true, signaturePng: signedPng() });
    await union(id);
    await answer(id);
    const { approvalId } = await requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor });
    expect((await getApproval(c.deps, { actor: c.manager.actor, id: approvalId })).warning).toBeNull();
    expect((await decideApproval(c.deps, { approvalId, decision: 'APPROVE', actor: c.manager.actor, channel: 'h5' })).status).toBe('APPROVED');
  });

  it('asks a company without a union for the 上级工会 or 职工代表 it notified, and prints them on the termination notice', async () => {
    await t.db.appMeta.create({ data: { key: EXIT_RULES_KEY, value: JSON.stringify({ hasUnion: false }) } });
    const { id } = await caseAtUnion('王五');
    await expect(union(id)).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('上级工会名称或职工代表姓名') });
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).state).toBe('UNION_PENDING');
    const recorded = await union(id, { notifiedBody: '某某区总工会' });
    expect(recorded.text).toContain('通知某某区总工会');
    await answer(id);
    const { approvalId } = await requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor });
    expect(JSON.stringify((await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).summary)).toContain('（某某区总工会）');
    const step = await t.db.exitStep.findUniqueOrThrow({ where: { processId_kind: { processId: id, kind: 'union_notification' } } });
    expect(step.notifiedBody).toBe('某某区总工会');
  });
});
