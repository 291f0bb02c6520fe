// The absence chain end to end on a real database, driven by --as-of job runs through the notice
// deadlines: each step once, every document and delivery in the evidence ledger, and a rerun of
// any day changes nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEvidencePack } from '../../src/services/evidence/build-evidence-pack.ts';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { recordUnionAnswer } from '../../src/services/exits/record-union-answer.ts';
import { recordUnionNotification } from '../../src/services/exits/record-union-notification.ts';
import { requestTerminationApproval } from '../../src/services/exits/request-termination-approval.ts';
import { sendExitNotice } from '../../src/services/exits/send-exit-notice.ts';
import { issueSeparationCertificate } from '../../src/services/exits/issue-separation-certificate.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { exitCompany } from './exits-kit.ts';

const t = await createTestDb();
const c = await exitCompany(t);

const day = (d: Date | null) => d?.toISOString().slice(0, 10);

describe('absence exit chain', () => {
  it('runs notice 1 → notice 2 → union → approval → termination → checklist, each once', async () => {
    const { employee, absenceCaseId } = await c.absentEmployee('赵六');
    const started = await c.start(employee.id, absenceCaseId);
    expect(started.created).toBe(true);
    expect((await c.start(employee.id, absenceCaseId))).toEqual({ exitProcessId: started.exitProcessId, created: false });
    const id = started.exitProcessId;
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).status).toBe('ABSCONDED');
    const ready = c.cards('exit.notice_ready');
    expect(ready).toHaveLength(1);
    expect(ready[0]!.recipients).toEqual(['hr-s']);
    expect(JSON.stringify(ready[0]!.payload)).toContain('发送第一次返岗通知书');

    // Day 0: HR sends the first notice.
    const first = await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor });
    // Sent is not delivered: the deadline runs from the day the platform accepted the message.
    expect(first).toMatchObject({ notice: 'return_notice_1', deadline: null, chatRecipients: 1 });
    expect(await c.job('2026-11-09')).toContain('second-notice prompts 0');
    await c.deliverChat(id, 'return_notice_1', '2026-11-02 10:01');
    expect(day((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).deadline)).toBe('2026-11-05');
    const text = c.outbox.messages.find((m) => m.dedupeKey === `exit-notice:${id}:return_notice_1:sandbox`);
    expect(text?.recipients).toEqual(['u-赵六']);
    expect(JSON.stringify(text?.payload)).toContain(`/app/exits/${id}/notice`);
    expect(JSON.stringify(text?.payload)).toContain('第三十九条第（二）项');
    const doc = await t.db.evidenceEntry.findFirst({ where: { subjectType: 'exit_process', subjectId: id, type: 'exit.document' } });
    expect(doc?.payloadHash).toBe(first.documentSha256);
    await expect(sendExitNotice(c.deps, { processId: id, actor: c.hr.actor })).rejects.toMatchObject({ code: 'conflict' });

    // The deadline day has not ended on 11-04; it has at the end of 11-05.
    expect(await c.job('2026-11-04')).toContain('second-notice prompts 0');
    expect(await c.job('2026-11-05')).toContain('second-notice prompts 1');
    expect(await c.job('2026-11-05')).toContain('second-notice prompts 0');
    expect(c.cards('exit.notice_ready')).toHaveLength(2);
    expect(JSON.stringify(c.cards('exit.notice_ready')[1]!.payload)).toContain('发送第二次返岗通知书');

    c.setNow('2026-11-06 09:30');
    const second = await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor, round: 2 });
    expect(second).toMatchObject({ notice: 'return_notice_2', deadline: null });
    await c.deliverChat(id, 'return_notice_2', '2026-11-06 09:31');
    expect(await c.job('2026-11-08')).toContain('union prompts 0');
    expect(await c.job('2026-11-09')).toContain('union prompts 1');
    expect(await c.job('2026-11-09')).toContain('union prompts 0');
    expect(c.cards('exit.next_step')).toHaveLength(1);

    c.setNow('2026-11-10 10:00');
    await expect(requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor })).rejects.toMatchObject({ code: 'conflict' });
    await recordUnionNotification(c.deps, { processId: id, actor: c.hr.actor, notifiedOn: '2026-11-10', reply: '工会无异议' });
    // 第四十三条: no 提交审批 button until the company's written answer to the union is on file.
    const offersSubmit = () => c.cards('exit.next_step').filter((m) => m.payload.kind === 'card' && m.payload.card.buttons.some((b) => b.kind === 'action' && b.actionId === 'exit.request_termination'));
    expect(offersSubmit()).toHaveLength(0);
    expect(JSON.stringify(c.cards('exit.next_step').at(-1)?.payload)).toContain('登记公司对工会意见的书面答复');
    await recordUnionAnswer(c.deps, { processId: id, actor: c.hr.actor, answeredOn: '2026-11-10', companyAnswer: '公司已研究工会意见，维持解除决定' });
    expect(offersSubmit()).toHaveLength(1);
    expect(await t.db.cardInstance.count({ where: { subjectId: id, type: 'exit.next_step', state: 'OPEN' } })).toBe(1);
    const { approvalId } = await requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor });
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).state).toBe('TERMINATION_APPROVAL');
    const decided = await decideApproval(c.deps, { approvalId, decision: 'APPROVE', confirmWarning: true, actor: c.manager.actor, channel: 'api' });
    expect(decided.status).toBe('APPROVED');
    // Approved, the termination waits for its notice to reach the employee (same day here).
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).state).toBe('TERMINATION_NOTICE_SENT');
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).status).toBe('ABSCONDED');
    await c.deliverChat(id, 'termination_notice', '2026-11-10 10:02');

    const after = await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } });
    expect(after.status).toBe('EXITED');
    expect(day(after.exitDate)).toBe('2026-11-10');
    const process = await t.db.exitProcess.findUniqueOrThrow({ where: { id }, include: { steps: true, tasks: true } });
    expect(process.state).toBe('TERMINATED');
    expect(process.steps.map((s) => s.kind).sort()).toEqual(['return_notice_1', 'return_notice_2', 'termination_notice', 'union_notification']);
    const dues = Object.fromEntries(process.tasks.map((task) => [task.kind, day(task.dueOn)]));
    expect(dues).toEqual({
      separation_certificate: '2026-11-10', final_wages: '2026-11-10', unemployment_report: '2026-11-17',
      stop_contributions: '2026-11-30', transfer_files: '2026-11-25', contract_retention: '2028-11-10',
    });

    // The case's ledger: start, both notices and their deliveries, the union, the decision, the termination.
    const entries = await t.db.evidenceEntry.findMany({ where: { subjectType: 'exit_process', subjectId: id }, orderBy: { index: 'asc' } });
    expect(entries.map((e) => e.type)).toEqual([
      'exit.started', 'exit.document', 'exit.notice_sent', 'exit.notice_delivered', 'exit.notice_served',
      'exit.document', 'exit.notice_sent', 'exit.notice_delivered', 'exit.notice_served', 'exit.union_notified', 'exit.union_answered',
      'exit.document', 'exit.notice_sent', 'approval.decision', 'exit.notice_delivered', 'exit.notice_served', 'exit.terminated',
    ]);
    expect(await t.db.treeHead.count()).toBeGreaterThan(0);

    // Each notice's PDF follows its text as a file message, keyed per notice: queued once each.
    const files = () => c.outbox.messages.filter((m) => m.payload.kind === 'file' && m.dedupeKey.startsWith(`exit-notice:${id}:`));
    expect(files().map((m) => m.dedupeKey)).toEqual(['return_notice_1', 'return_notice_2', 'termination_notice'].map((n) => `exit-notice:${id}:${n}:file:sandbox`));
    for (const m of files()) {
      const notice = m.dedupeKey.split(':')[2] as string;
      const step = process.steps.find((s) => s.kind === notice);
      expect(m.payload).toMatchObject({ kind: 'file', sha256: step?.documentSha256, mediaType: 'application/pdf', fileName: expect.stringMatching(/赵六\.pdf$/) });
      expect(m.recipients).toEqual(['u-赵六']);
      expect(step?.channels).toEqual([
        expect.objectContaining({ channel: 'chat', message: 'text', platform: 'sandbox', dedupeKey: `exit-notice:${id}:${notice}:sandbox` }),
        expect.objectContaining({ channel: 'chat', message: 'file', platform: 'sandbox', dedupeKey: m.dedupeKey }),
      ]);
    }

    // Rerunning any day of the chain finds nothing new; the checklist reminders go out once.
    const before = c.outbox.messages.length;
    for (const asOf of ['2026-11-04', '2026-11-05', '2026-11-08', '2026-11-09']) expect(await c.job(asOf)).toMatch(/second-notice prompts 0; union prompts 0; exits completed 0; tasks reminded 0, escalated 0/);
    expect(c.outbox.messages.length).toBe(before);
    expect(files()).toHaveLength(3);
    expect(await c.job('2026-11-10')).toContain('tasks reminded 2, escalated 0');
    expect(await c.job('2026-11-10')).toContain('tasks reminded 0, escalated 0');
    expect(c.cards('exit.task_due').map((m) => m.recipients)).toEqual([['hr-s'], ['hr-s']]);
  });

  it('escalates the overdue separation certificate to the HR manager exactly once', async () => {
    expect(await c.job('2026-11-11')).toContain('escalated 2');
    expect(await c.job('2026-11-11')).toContain('escalated 0');
    expect(await c.job('2026-11-12')).toContain('escalated 0');
    const overdue = c.cards('exit.task_overdue');
    expect(overdue.map((m) => m.recipients)).toEqual([['hr-m'], ['hr-m']]);
    expect(overdue.some((m) => JSON.stringify(m.payload).includes('出具离职证明'))).toBe(true);

    // Issuing the certificate closes its item and the overdue cards say so.
    const process = await t.db.exitProcess.findFirstOrThrow({ where: { state: 'TERMINATED' } });
    const cert = await issueSeparationCertificate(c.deps, { processId: process.id, actor: c.hr.actor });
    expect(cert.created).toBe(true);
    const task = await t.db.exitTask.findUniqueOrThrow({ where: { uniqueKey: `${process.id}:separation_certificate` } });
    expect(task.state).toBe('DONE');
    expect((await issueSeparationCertificate(c.deps, { processId: process.id, actor: c.hr.actor })).created).toBe(false);
    const cards = await t.db.cardInstance.findMany({ where: { subjectType: 'exit_task', subjectId: task.id } });
    expect(cards.map((card) => card.state)).toEqual(['DECIDED', 'DECIDED']);
  });

  it('puts the whole chain into the evidence pack of the case', async () => {
    const process = await t.db.exitProcess.findFirstOrThrow({ where: { state: { in: ['TERMINATED', 'CLOSED'] } } });
    const pack = await buildEvidencePack(c.deps, { scope: { kind: 'case', subjectType: 'exit_process', subjectId: process.id }, actor: c.hr.actor });
    const dir = mkdtempSync(join(tmpdir(), 'exit-pack-'));
    writeFileSync(join(dir, 'pack.zip'), pack.zip);
    execFileSync('unzip', ['-q', 'pack.zip', '-d', 'pack'], { cwd: dir });
    const entries = readdirSync(join(dir, 'pack', 'entries')).map((f) => JSON.parse(readFileSync(join(dir, 'pack', 'entries', f), 'utf8')) as { type: string });
    const types = entries.map((e) => e.type);
    expect(types.filter((x) => x === 'exit.document')).toHaveLength(4); // two notices, the termination notice, the certificate
    expect(types).toEqual(expect.arrayContaining(['exit.started', 'exit.notice_sent', 'exit.union_notified', 'approval.decision', 'exit.terminated']));
    expect(readdirSync(join(dir, 'pack', 'documents')).filter((f) => f.endsWith('.pdf'))).toHaveLength(4);
  });
});
