// A click on an exit card: 发送通知, 提交审批, 已办结, 确认收到. Only the card key, the action and
// the clicker come from the callback; the card is reloaded and checked (type, platform, recipient,
// role), then the same service as the REST route runs, which closes every copy of the card with
// who and when. A click on a card already handled answers who handled it.
import { EXIT_ACCEPT_RESIGNATION, EXIT_REQUEST_TERMINATION, EXIT_SEND_NOTICE, EXIT_TASK_DONE } from '../../../cards/action-ids.ts';
import { EXIT_NEXT_STEP_CARD, EXIT_NOTICE_READY_CARD } from '../../../cards/exit-notice-cards.ts';
import { EXIT_RESIGNATION_CARD } from '../../../cards/exit-resignation-card.ts';
import { EXIT_TASK_DUE_CARD, EXIT_TASK_OVERDUE_CARD } from '../../../cards/exit-task-cards.ts';
import { AppError } from '../../errors.ts';
import type { CardClick } from '../card-click.ts';
import type { ServiceDeps } from '../deps.ts';
import { decidedReply, loadClickedCard, UNKNOWN_ACTION } from '../cards/load-clicked-card.ts';
import { acceptResignation } from './accept-resignation.ts';
import { completeExitTask } from './complete-exit-task.ts';
import { requestTerminationApproval } from './request-termination-approval.ts';
import { sendExitNotice } from './send-exit-notice.ts';

const cardTypesOf: Record<string, string[]> = {
  [EXIT_SEND_NOTICE]: [EXIT_NOTICE_READY_CARD],
  [EXIT_REQUEST_TERMINATION]: [EXIT_NEXT_STEP_CARD],
  [EXIT_TASK_DONE]: [EXIT_TASK_DUE_CARD, EXIT_TASK_OVERDUE_CARD],
  [EXIT_ACCEPT_RESIGNATION]: [EXIT_RESIGNATION_CARD],
};

/**
 * @example
 *   const { text } = await decideExitCard(deps, { cardKey, actionId: EXIT_SEND_NOTICE, actor, platform: 'wecom', platformUserId: 'hr-a' });
 */
export async function decideExitCard(deps: ServiceDeps, click: CardClick): Promise<{ text: string }> {
  const types = cardTypesOf[click.actionId];
  if (!types) return UNKNOWN_ACTION;
  const clicked = await loadClickedCard(deps, click, { types, permission: { action: 'exit.manage', refusal: '只有人事可以处理离职流程' } });
  if (clicked.refused) return clicked.refused;
  const { card, actor } = clicked;
  if (card.state !== 'OPEN') return decidedReply(deps, card);
  // The click's WeCom response_code is kept in the deciding transaction.
  const receipt = { cardId: card.id, platformUserId: click.platformUserId, responseCode: click.responseCode };
  const subjectId = card.subjectId;
  try {
    switch (click.actionId) {
      case EXIT_SEND_NOTICE:
        return await sendExitNotice(deps, { processId: subjectId, actor, round: card.cardKey.includes('-notice2-') ? 2 : 1, click: receipt });
      case EXIT_REQUEST_TERMINATION:
        return await requestTerminationApproval(deps, { processId: subjectId, actor, click: receipt });
      case EXIT_TASK_DONE:
        return await completeExitTask(deps, { taskId: subjectId, actor, click: receipt });
      default:
        return await acceptResignation(deps, { processId: subjectId, actor, click: receipt });
    }
  } catch (error) {
    // The case moved on elsewhere (REST, H5, the job): say why, change nothing.
    if (error instanceof AppError && ['conflict', 'illegal_transition', 'forbidden', 'bad_request', 'validation_failed'].includes(error.code)) return { text: error.message };
    throw error;
  }
}
