// 劳动合同法 第四十三条: the employer notifies the union before a unilateral termination, and
// where the union objects the employer "应当研究工会的意见，并将处理结果书面通知工会". HR records
// that written answer (its day and text) after the union's opinion; the termination approval
// cannot be requested without it.
import { buildExitNextStepCard, EXIT_NEXT_STEP_CARD } from '../../../cards/exit-notice-cards.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, parseDay } from '../../domain/dates.ts';
import { exitStateLabels } from '../../domain/exits/exit-states.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeExitCards } from './close-exit-cards.ts';
import { ledgerExitEvent, sealExitEvidence } from './exit-evidence.ts';
import { exitCaseUrl, loadExitEmployee } from './exit-facts.ts';
import { lockExitCaseForHr } from './lock-exit-process.ts';
import { queueExitCard } from './queue-exit-card.ts';

/**
 * @example await recordUnionAnswer(deps, { processId, actor, answeredOn: '2026-11-12', companyAnswer: '经研究，公司维持解除决定，理由如下：…' });
 */
export async function recordUnionAnswer(deps: ServiceDeps, o: { processId: string; actor: Actor; answeredOn: string; companyAnswer: string }): Promise<{ text: string }> {
  authorize(o.actor, 'exit.manage');
  const now = deps.now();
  if (o.answeredOn > dayIn(deps.businessTz, now)) throw new AppError('validation_failed', '书面答复的日期不能晚于今天');
  const answer = o.companyAnswer.trim();
  const result = await deps.db.$transaction(async (tx) => {
    const p = await lockExitCaseForHr(tx, o.processId, o.actor);
    if (p.state !== 'UNION_NOTIFIED') throw new AppError('conflict', `该流程当前为「${exitStateLabels[p.state] ?? p.state}」，须先登记工会意见，再登记公司的书面答复（《劳动合同法》第四十三条）`);
    const union = await tx.exitStep.findUnique({ where: { processId_kind: { processId: p.id, kind: 'union_notification' } } });
    if (!union?.notifiedOn) throw new AppError('conflict', '请先登记通知工会的日期和工会意见');
    if (o.answeredOn < dayIn('UTC', union.notifiedOn)) throw new AppError('validation_failed', '书面答复的日期不能早于通知工会的日期');
    const changed = await compareAndSet(tx.exitStep, { id: union.id, companyAnsweredOn: null }, { companyAnswer: answer, companyAnsweredOn: parseDay(o.answeredOn) });
    if (!changed) throw new AppError('conflict', '公司对工会意见的书面答复已登记，不能重复登记');
    await writeAuditEvent(tx, o.actor, { type: 'exit.union_answered', data: { processId: p.id, answeredOn: o.answeredOn, answer } }, { type: 'exit_process', id: p.id });
    await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.union_answered', metadata: { answeredOn: o.answeredOn, answer }, at: now });
    // Only now is 提交审批 offered: the card asking for the answer closes, the approval card opens.
    await closeExitCards(deps, tx, { subjectId: p.id, types: [EXIT_NEXT_STEP_CARD], actor: o.actor, actionId: 'exit.union_answered', label: `已书面答复工会（${o.answeredOn}）` });
    const employee = await loadExitEmployee(tx, p.employeeId);
    await queueExitCard(deps, tx, {
      actor: o.actor, subjectType: 'exit_process', subjectId: p.id, employeeId: p.employeeId, stage: 'approval', audience: { kind: 'hr' },
      build: (key) => buildExitNextStepCard({ employee, step: 'approval', facts: [{ label: '工会意见', value: union.unionReply ?? '—' }, { label: '书面答复', value: o.answeredOn }], key, h5Url: exitCaseUrl(deps.publicBaseUrl, p.id) }),
    });
    return { text: `已登记：${o.answeredOn} 书面答复工会。现在可以提交解除审批。` };
  });
  await sealExitEvidence(deps);
  return result;
}
