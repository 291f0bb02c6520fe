// Cards to a step's approvers: one card per approver per chat platform where they can be
// reached, recorded as CardInstance (subject = the step) and queued in the caller's transaction.
import { buildApprovalRequestCard } from '../../../cards/approval-request-card.ts';
import type { CardRow } from '../../../cards/card-model.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDateTime } from '../../domain/dates.ts';
import type { Approval, ApprovalStep, Platform } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { toJsonColumn } from '../cards/card-instance-json.ts';
import { parseSummary } from './approval-summary.ts';
import { stepDue } from './step-clock.ts';

export const APPROVAL_STEP_SUBJECT = 'approval.step';

/** `apr-<step>-l<level>-<approver>-<platform>` (uuids without dashes): ≤ 87 characters, valid as task_id and outTrackId. */
export function approvalCardKey(stepId: string, level: number, approverId: string, platform: Platform): string {
  return `apr-${stepId.replaceAll('-', '')}-l${level}-${approverId.replaceAll('-', '')}-${platform}`;
}

export interface QueueApprovalCardsOptions {
  approval: Approval;
  step: ApprovalStep;
  stepCount: number;
  submitterName: string;
  actor: Actor;
  subjectEmployeeId: string;
}

/** Returns how many cards were queued (approvers without a chat identity get none; they use 待办). */
export async function queueApprovalCards(deps: ServiceDeps, tx: Tx, o: QueueApprovalCardsOptions): Promise<number> {
  const { approval, step } = o;
  const identities = await tx.platformIdentity.findMany({
    where: { employeeId: { in: step.approverIds }, platform: { in: deps.chatPlatforms } },
    orderBy: [{ employeeId: 'asc' }, { platform: 'asc' }],
  });
  const due = stepDue(step);
  const summary: CardRow[] = parseSummary(approval.summary);
  let queued = 0;
  for (const identity of identities) {
    const card = buildApprovalRequestCard({
      facts: {
        title: approval.title, submitterName: o.submitterName, summary,
        step: `第${step.index + 1}步/共${o.stepCount}步 ${step.name}`, due: formatDateTime(deps.businessTz, due), escalated: step.level > 0,
      },
      key: approvalCardKey(step.id, step.level, identity.employeeId, identity.platform),
      h5Url: `${deps.publicBaseUrl}/app/todo/${approval.id}`,
    });
    const recipients = [{ userId: identity.userId, employeeId: identity.employeeId }];
    await tx.cardInstance.create({
      data: { cardKey: card.key, platform: identity.platform, type: card.type, subjectType: APPROVAL_STEP_SUBJECT, subjectId: step.id, recipients: toJsonColumn(recipients), model: toJsonColumn(card) },
    });
    await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform: identity.platform, recipients: [identity.userId], payload: { kind: 'card', card } });
    await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform: identity.platform, recipients: [identity.userId] } }, { type: 'employee', id: o.subjectEmployeeId });
    queued++;
  }
  return queued;
}
