// A click on 同意 / 驳回 of an approval card. Only the card key, the button and the clicker come
// from the callback: the card names the step, and decideApproval reloads everything else and
// checks the clicker is one of the step's current approvers.
import { APPROVAL_APPROVE, APPROVAL_REJECT } from '../../../cards/action-ids.ts';
import { APPROVAL_REQUEST_CARD } from '../../../cards/approval-request-card.ts';
import { AppError } from '../../errors.ts';
import type { CardClick } from '../card-click.ts';
import type { ServiceDeps } from '../deps.ts';
import { parseCardModel } from '../cards/card-instance-json.ts';
import { decidedReply, loadClickedCard, UNKNOWN_ACTION } from '../cards/load-clicked-card.ts';
import { decideApproval } from './decide-approval.ts';
import { APPROVAL_STEP_SUBJECT } from './queue-approval-cards.ts';

export const NOT_YOUR_CARD = '这张审批卡片不是发给你的，无法代为处理';

/**
 * @example
 *   const { text } = await decideApprovalFromCard(deps, { cardKey, actionId: APPROVAL_APPROVE, actor, platform: 'wecom', platformUserId: 'wanghr' });
 */
export async function decideApprovalFromCard(deps: ServiceDeps, click: CardClick): Promise<{ text: string }> {
  const decision = click.actionId === APPROVAL_APPROVE ? 'APPROVE' : click.actionId === APPROVAL_REJECT ? 'REJECT' : undefined;
  if (!decision) return UNKNOWN_ACTION;
  const clicked = await loadClickedCard(deps, click, {
    types: [APPROVAL_REQUEST_CARD], subjectType: APPROVAL_STEP_SUBJECT,
    // The step's approver in person: a colleague sharing a platform account cannot decide for them.
    recipientMatches: (recipient, actor) => actor?.id === recipient.employeeId,
    notFound: '找不到这张审批卡片，可能已失效', notRecipient: NOT_YOUR_CARD,
  });
  if (clicked.refused) return clicked.refused;
  const { card, actor } = clicked;
  if (card.state !== 'OPEN') return decidedReply(deps, card, parseCardModel(card.model).decided?.label ?? '已处理', '这张审批卡片');
  const step = await deps.db.approvalStep.findUnique({ where: { id: card.subjectId }, select: { approvalId: true, index: true } });
  if (!step) return { text: '找不到这张审批卡片，可能已失效' };
  try {
    const { text } = await decideApproval(deps, { approvalId: step.approvalId, stepIndex: step.index, decision, actor, channel: click.platform, log: click.log, click: { cardId: card.id, platformUserId: click.platformUserId, responseCode: click.responseCode } });
    return { text };
  } catch (error) {
    // Escalated away, a stale card, or the flow's hook refusing the outcome: the message is meant
    // for people (AppError), the transaction rolled back, nothing changed.
    if (error instanceof AppError) return { text: error.message };
    throw error;
  }
}
