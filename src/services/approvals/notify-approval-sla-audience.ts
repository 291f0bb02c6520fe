// What the 审批超时 notification setting adds to an SLA reminder or escalation: the approvers
// (from the approval definition) stay the main recipients; the people HR ticked get the same
// reminder text, and the group chat HR chose gets the approval as a card (content and 详情 link).
// Quiet hours hold the added messages (no approval SLA is a legal deadline); the approvers'
// own reminders are not held, as before the setting.
import { buildApprovalRequestCard } from '../../../cards/approval-request-card.ts';
import type { Tx } from '../../db/client.ts';
import { formatDateTime } from '../../domain/dates.ts';
import type { Approval, ApprovalStep } from '../../generated/prisma/client.ts';
import { findHrRecipients } from '../cards/find-hr-recipients.ts';
import { queueGroupCopy } from '../cards/queue-group-copy.ts';
import type { ServiceDeps } from '../deps.ts';
import { parseSummary } from './approval-summary.ts';
import { stepDue } from './step-clock.ts';

export interface ApprovalSlaAlert {
  approval: Approval & { steps: ApprovalStep[] };
  step: ApprovalStep;
  /** The reminder text the approvers got. */
  text: string;
  /** What is late, for the group card's subtitle: '人事经理审批已等待超过24小时'. */
  late: string;
  /** Names this alert among the step's alerts: 'sla', 'final', 'escalated-l2'. */
  stage: string;
  submitterName: string;
}

/** @returns how many messages were added (people and group). */
export async function notifyApprovalSlaAudience(deps: ServiceDeps, tx: Tx, o: ApprovalSlaAlert): Promise<number> {
  const hr = await findHrRecipients(tx, deps.chatPlatforms, { kind: 'approvalSla', now: deps.now(), businessTz: deps.businessTz });
  const availableAt = hr.availableAt({ legalDeadlineToday: false });
  const alertKey = `${o.step.id.replaceAll('-', '')}-l${o.step.level}-${o.stage}`;
  let added = 0;
  for (const platform of deps.chatPlatforms) {
    for (const r of hr.added(platform).filter((x) => !o.step.approverIds.includes(x.employeeId))) {
      await deps.outbox.enqueue(tx, { dedupeKey: `apr-sla-added:${alertKey}:${r.employeeId}:${platform}`, platform, recipients: [r.userId], payload: { kind: 'text', text: o.text }, availableAt });
      added++;
    }
    const h5Url = `${deps.publicBaseUrl}/app/todo/${o.approval.id}`;
    const card = buildApprovalRequestCard({
      key: `aprsla-${alertKey}-${platform}`,
      h5Url,
      facts: {
        title: `审批超时：${o.approval.title}`, submitterName: o.submitterName, summary: parseSummary(o.approval.summary),
        step: `第${o.step.index + 1}步/共${o.approval.steps.length}步 ${o.step.name}`, due: formatDateTime(deps.businessTz, stepDue(o.step)), escalated: o.step.level > 0,
      },
    });
    if (await queueGroupCopy(deps, tx, { recipients: hr, platform, card: { ...card, subtitle: o.late }, availableAt })) added++;
  }
  return added;
}
