// The enrolment remediation task of an exception that protects nothing: a waiver (void under
// 法释〔2025〕12号 第十九条), a rejected request, or a lapsed proof. One per exception.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { openComplianceTask, REMEDIATION_TASK } from './open-compliance-task.ts';

export interface OpenRemediationTaskInput {
  actor: Actor;
  exception: { id: string; employeeId: string; reasonCategory: string; status: string };
  employeeName: string;
  /** 'YYYY-MM-DD' the 30-day clock runs from. */
  clockStart: string;
  deadline: { legalDeadline: string; dueOn: string };
  reason: string;
}

/**
 * @example
 *   await openRemediationTask(tx, { actor, exception, employeeName: '张三', clockStart: '2026-11-20', deadline, reason });
 */
export async function openRemediationTask(tx: Tx, input: OpenRemediationTaskInput): Promise<{ id: string; created: boolean }> {
  const e = input.exception;
  return openComplianceTask(tx, {
    actor: input.actor,
    kind: REMEDIATION_TASK,
    uniqueKey: `${REMEDIATION_TASK}:${e.id}`,
    employeeId: e.employeeId,
    exceptionId: e.id,
    title: `为${input.employeeName}办理社保增员（社保例外不成立）`,
    details: {
      exceptionId: e.id, reasonCategory: e.reasonCategory, status: e.status, clockStart: input.clockStart, legalDeadline: input.deadline.legalDeadline, reason: input.reason,
      legalBasis: '《社会保险法》第五十八条：自用工之日起三十日内办理社会保险登记；法释〔2025〕12号 第十九条',
    },
    dueOn: input.deadline.dueOn,
  });
}
