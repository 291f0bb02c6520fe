// The absence chain through the real WeCom stack: the manager's signed 无法联系 click starts the
// exit case (the HR card 发送第一次返岗通知书 goes out through the outbox to the WeCom fake), the HR
// specialist's signed 发送通知 click sends the notice to the employee, and the HR card is updated.
import { describe, expect, it } from 'vitest';
import { ABSENCE_UNREACHABLE, EXIT_SEND_NOTICE } from '../../cards/action-ids.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { openAbsenceCaseInTx } from '../../src/services/absence/open-absence-case.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../outbox/outbox-kit.ts';
import { wecomDeployment } from './wecom-e2e-kit.ts';

const t = await createTestDb();
const { fake, deps, startWorkers, click } = await wecomDeployment(t);

const codeOf = (cardKey: string, user: string) => waitFor(`response code of ${user}`, async () => {
  const card = await t.db.cardInstance.findUnique({ where: { cardKey } });
  return (card?.responseCodes as Record<string, string> | null)?.[user];
});

describe('exit notice over WeCom', () => {
  it('无法联系 → HR card → 发送通知 sends the first return-to-work notice', async () => {
    await makeEmployee(t.deps, { name: '王经理', employeeNo: 'EM1', identities: { wecom: 'wangjl' } });
    await makeEmployee(t.deps, { name: '李人事', roles: ['HR_SPECIALIST'], identities: { wecom: 'hr-a' } });
    const zhang = await makeEmployee(t.deps, { name: '张三', managerEmployeeNo: 'EM1', identities: { wecom: 'zhangsan' } });
    await startWorkers();

    const opened = await t.db.$transaction((tx) => openAbsenceCaseInTx(deps, tx, {
      actor: systemActor('job:absence-detection'), employeeId: zhang.id, trigger: 'attendance', uniqueKey: `${zhang.id}:2026-11-25`,
      asOf: '2026-11-27', days: ['2026-11-25', '2026-11-26', '2026-11-27'], slaHours: 24,
    }));
    const absenceCard = await t.db.cardInstance.findFirstOrThrow({ where: { subjectId: opened?.caseId } });
    expect((await click({ from: 'wangjl', taskId: absenceCard.cardKey, eventKey: ABSENCE_UNREACHABLE, responseCode: await codeOf(absenceCard.cardKey, 'wangjl') }).send()).status).toBe(200);

    const process = await waitFor('the exit case', () => t.db.exitProcess.findFirst({ where: { employeeId: zhang.id } }).then((p) => p ?? undefined));
    expect(process.state).toBe('NOTICE_1_PENDING');
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: zhang.id } })).status).toBe('ABSCONDED');
    const hrCard = await waitFor('the HR card at WeCom', async () => fake.delivered.find((d) => d.userId === 'hr-a' && d.msgtype === 'template_card' && JSON.stringify(d.message).includes('返岗通知书')));
    const taskId = hrCard.taskId!;

    const res = await click({ from: 'hr-a', taskId, eventKey: EXIT_SEND_NOTICE, responseCode: await codeOf(taskId, 'hr-a') }).send();
    expect(res.status).toBe(200);
    await waitFor('the notice step', () => t.db.exitStep.findFirst({ where: { processId: process.id, kind: 'return_notice_1' } }).then((s) => s ?? undefined));
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id: process.id } })).state).toBe('NOTICE_1_SENT');
    const notice = await waitFor('the notice at WeCom', async () => fake.delivered.find((d) => d.userId === 'zhangsan' && JSON.stringify(d.message).includes(`/app/exits/${process.id}/notice`)));
    expect(JSON.stringify(notice.message)).toContain('返岗通知书');
    // Then the PDF itself as a file message: the stored bytes, uploaded as WeCom media.
    const step = await t.db.exitStep.findFirstOrThrow({ where: { processId: process.id, kind: 'return_notice_1' } });
    const pdf = await waitFor('the notice PDF at WeCom', async () => fake.delivered.find((d) => d.userId === 'zhangsan' && d.msgtype === 'file'));
    const upload = fake.uploads.find((u) => u.mediaId === (pdf.message as { media_id: string }).media_id);
    expect(upload?.fileName).toBe('第一次返岗通知书-张三.pdf');
    expect(Buffer.compare(upload?.bytes ?? Buffer.alloc(0), await t.deps.files.get(step.documentSha256 as string))).toBe(0);
    const delivered = await waitFor('both deliveries recorded', async () => {
      const rows = await t.db.evidenceEntry.findMany({ where: { subjectType: 'exit_process', subjectId: process.id, type: 'exit.notice_delivered' } });
      return rows.length === 2 ? rows : undefined;
    });
    expect(delivered.map((e) => (e.metadata as { message: string; platform: string }).platform)).toEqual(['wecom', 'wecom']);
    const updates = await waitFor('the HR card update', async () => (fake.cardUpdates.some((u) => u.userIds.includes('hr-a') && JSON.stringify(u.card).includes('已发送')) ? fake.cardUpdates : undefined));
    expect(updates.length).toBeGreaterThan(0);
    expect(await t.db.evidenceEntry.count({ where: { subjectType: 'exit_process', subjectId: process.id, type: 'exit.document' } })).toBe(1);

    // The same click again changes nothing.
    expect((await click({ from: 'hr-a', taskId, eventKey: EXIT_SEND_NOTICE, responseCode: 'again' }).send()).status).toBe(200);
    expect(await t.db.exitStep.count({ where: { processId: process.id } })).toBe(1);
    expect(fake.delivered.filter((d) => d.userId === 'zhangsan' && d.msgtype === 'file')).toHaveLength(1);
  });
});
