// Before terminating, the employer notifies the union of the reason and considers its reply
// (劳动合同法 第四十三条). HR records the day notified and the union's reply; then HR records the
// company's written answer (record-union-answer.ts) before submitting the termination approval.
// A company without a union (exit rules hasUnion: false) names the 上级工会 or the 职工代表 it
// notified instead.
import { buildExitNextStepCard, EXIT_NEXT_STEP_CARD } from '../../../cards/exit-notice-cards.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, parseDay } from '../../domain/dates.ts';
import { exitStateLabels } from '../../domain/exits/exit-states.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeExitCards } from './close-exit-cards.ts';
import { ledgerExitEvent, sealExitEvidence } from './exit-evidence.ts';
import { exitCaseUrl, loadExitEmployee } from './exit-facts.ts';
import { loadExitSettings } from './load-exit-settings.ts';
import { lockExitCaseForHr, moveExitProcess } from './lock-exit-process.ts';
import { queueExitCard } from './queue-exit-card.ts';

/**
 * @example await recordUnionNotification(deps, { processId, actor, notifiedOn: '2026-11-10', reply: '工会无异议' });
 */
export async function recordUnionNotification(deps: ServiceDeps, o: { processId: string; actor: Actor; notifiedOn: string; reply: string; notifiedBody?: string }): Promise<{ text: string }> {
  authorize(o.actor, 'exit.manage');
  const now = deps.now();
  if (o.notifiedOn > dayIn(deps.businessTz, now)) throw new AppError('validation_failed', '通知工会的日期不能晚于今天');
  const reply = o.reply.trim();
  const result = await deps.db.$transaction(async (tx) => {
    const { rules } = await loadExitSettings(tx);
    const notifiedBody = o.notifiedBody?.trim() || null;
    if (!rules.hasUnion && !notifiedBody) throw new AppError('validation_failed', '公司未建立工会：请填写所通知的上级工会名称或职工代表姓名（《劳动合同法》第四十三条）');
    const p = await lockExitCaseForHr(tx, o.processId, o.actor);
    if (p.state !== 'UNION_PENDING') throw new AppError('conflict', `该流程当前为「${exitStateLabels[p.state] ?? p.state}」，现在不登记工会意见（两次返岗期限届满后才通知工会）`);
    await tx.exitStep.create({ data: { processId: p.id, employeeId: p.employeeId, kind: 'union_notification', notifiedOn: parseDay(o.notifiedOn), unionReply: reply, notifiedBody, sentAt: now, sentById: o.actor.id, sentByName: o.actor.name } });
    await moveExitProcess(tx, p, 'UNION_NOTIFIED', { deadline: null });
    await writeAuditEvent(tx, o.actor, { type: 'exit.union_notified', data: { processId: p.id, notifiedOn: o.notifiedOn, reply, ...(notifiedBody && { notifiedBody }) } }, { type: 'exit_process', id: p.id });
    await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.union_notified', metadata: { notifiedOn: o.notifiedOn, reply, notifiedBody }, at: now });
    await closeExitCards(deps, tx, { subjectId: p.id, types: [EXIT_NEXT_STEP_CARD], actor: o.actor, actionId: 'exit.union_recorded', label: `已登记工会意见（${o.notifiedOn}）` });
    const employee = await loadExitEmployee(tx, p.employeeId);
    await queueExitCard(deps, tx, {
      actor: o.actor, subjectType: 'exit_process', subjectId: p.id, employeeId: p.employeeId, stage: 'answer', audience: { kind: 'hr' },
      build: (key) => buildExitNextStepCard({ employee, step: 'answer', facts: [{ label: '通知工会', value: `${o.notifiedOn}${notifiedBody ? `（${notifiedBody}）` : ''}` }, { label: '工会意见', value: reply }, { label: '下一步', value: '登记公司对工会意见的书面答复' }], key, h5Url: exitCaseUrl(deps.publicBaseUrl, p.id) }),
    });
    return { text: `已登记：${o.notifiedOn} 通知${notifiedBody ?? rules.unionName}，意见：${reply}。请在案件页登记公司的书面答复（《劳动合同法》第四十三条），再提交解除审批。` };
  });
  await sealExitEvidence(deps);
  return result;
}
