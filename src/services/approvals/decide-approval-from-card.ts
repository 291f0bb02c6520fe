// A click on 同意 / 驳回 of an approval card. Only the card key, the button and the clicker come
// from the callback: the card names the step, and decideApproval reloads everything else and
// checks the clicker is one of the step's current approvers.
import { APPROVAL_APPROVE, APPROVAL_REJECT } from '../../../cards/action-ids.ts';
import { APPROVAL_REQUEST_CARD } from '../../../cards/approval-request-card.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { AppError } from '../../errors.ts';
import type { CardClick } from '../card-click.ts';
import type { ServiceDeps } from '../deps.ts';
import { parseCardModel, parseRecipients } from '../cards/card-instance-json.ts';
import { rememberResponseCode } from '../cards/remember-response-code.ts';
import { decideApproval } from './decide-approval.ts';
import { APPROVAL_STEP_SUBJECT } from './queue-approval-cards.ts';

export const NOT_YOUR_CARD = '这张审批卡片不是发给你的，无法代为处理';

/**
 * @example
 *   const { text } = await decideApprovalFromCard(deps, { cardKey, actionId: APPROVAL_APPROVE, actor, platform: 'wecom', platformUserId: 'wanghr' });
 */
export async function decideApprovalFromCard(deps: ServiceDeps, click: CardClick): Promise<{ text: string }> {
  const decision = click.actionId === APPROVAL_APPROVE ? 'APPROVE' : click.actionId === APPROVAL_REJECT ? 'REJECT' : undefined;
  if (!decision) return { text: '无法识别的操作，请刷新卡片后重试' };
  const card = await deps.db.cardInstance.findUnique({ where: { cardKey: click.cardKey } });
  if (!card || card.type !== APPROVAL_REQUEST_CARD || card.subjectType !== APPROVAL_STEP_SUBJECT || card.platform !== click.platform || !card.subjectId) {
    return { text: '找不到这张审批卡片，可能已失效' };
  }
  const recipient = parseRecipients(card.recipients).find((r) => r.userId === click.platformUserId);
  if (!recipient || !click.actor || click.actor.id !== recipient.employeeId) return { text: NOT_YOUR_CARD };
  if (card.state !== 'OPEN') {
    const label = parseCardModel(card.model).decided?.label ?? '已处理';
    const at = card.decidedAt ? formatDateTime(deps.businessTz, card.decidedAt) : '';
    return { text: `这张审批卡片已由 ${card.decidedByName ?? '他人'} 于 ${at} 处理：${label}` };
  }
  const step = await deps.db.approvalStep.findUnique({ where: { id: card.subjectId }, select: { approvalId: true, index: true } });
  if (!step) return { text: '找不到这张审批卡片，可能已失效' };
  if (click.responseCode) await rememberResponseCode(deps.db, card.id, click.platformUserId, click.responseCode);
  try {
    const { text } = await decideApproval(deps, { approvalId: step.approvalId, stepIndex: step.index, decision, actor: click.actor, channel: click.platform, log: click.log });
    return { text };
  } catch (error) {
    // Escalated away, a stale card, or the flow's hook refusing the outcome: the message is meant
    // for people (AppError), the transaction rolled back, nothing changed.
    if (error instanceof AppError) return { text: error.message };
    throw error;
  }
}
