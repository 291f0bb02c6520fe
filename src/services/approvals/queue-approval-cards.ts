// Cards to a step's approvers: one card per approver per chat platform where they can be
// reached, recorded as CardInstance (subject = the step) and queued in the caller's transaction.
import { buildApprovalRequestCard } from '../../../cards/approval-request-card.ts';
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
  const identities = await tx.platformIdentity.findMany({
    where: { employeeId: { in: o.step.approverIds }, platform: { in: deps.chatPlatforms } },
    orderBy: [{ employeeId: 'asc' }, { platform: 'asc' }],
  });
  for (const identity of identities) {
    await queueApprovalCard(deps, tx, { ...o, identity, key: approvalCardKey(o.step.id, o.step.level, identity.employeeId, identity.platform) });
  }
  return identities.length;
}

/**
 * One approver's card on one platform, recorded as CardInstance (subject = the step) so its
 * 同意/驳回 reach decideApprovalFromCard. Also used by the bot's 「待办」 to send it again under a new key.
 */
export async function queueApprovalCard(
  deps: ServiceDeps, tx: Tx,
  o: QueueApprovalCardsOptions & { identity: { employeeId: string; platform: Platform; userId: string }; key: string },
): Promise<void> {
  const { approval, step, identity } = o;
  const card = buildApprovalRequestCard({
    facts: {
      title: approval.title, submitterName: o.submitterName, summary: parseSummary(approval.summary),
      step: `第${step.index + 1}步/共${o.stepCount}步 ${step.name}`, due: formatDateTime(deps.businessTz, stepDue(step)), escalated: step.level > 0,
    },
    key: o.key,
    h5Url: `${deps.publicBaseUrl}/app/todo/${approval.id}`,
  });
  const recipients = [{ userId: identity.userId, employeeId: identity.employeeId }];
  await tx.cardInstance.create({
    data: { cardKey: card.key, platform: identity.platform, type: card.type, subjectType: APPROVAL_STEP_SUBJECT, subjectId: step.id, recipients: toJsonColumn(recipients), model: toJsonColumn(card) },
  });
  await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform: identity.platform, recipients: [identity.userId], payload: { kind: 'card', card } });
  await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform: identity.platform, recipients: [identity.userId] } }, { type: 'employee', id: o.subjectEmployeeId });
}
