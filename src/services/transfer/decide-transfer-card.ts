// A click on 今日已办结 of a transfer reminder card. Only the card key, the action and the clicker
// come from the callback; the card is reloaded and checked (type, platform, recipient, role), then
// the same service as the REST route records the step as done today (Asia/Shanghai day).
import { TRANSFER_STEP_DONE } from '../../../cards/action-ids.ts';
import { TRANSFER_STEP_DUE_CARD, TRANSFER_STEP_OVERDUE_CARD } from '../../../cards/transfer-step-cards.ts';
import { dayIn } from '../../domain/dates.ts';
import { AppError } from '../../errors.ts';
import type { CardClick } from '../card-click.ts';
import type { ServiceDeps } from '../deps.ts';
import { decidedReply, loadClickedCard, UNKNOWN_ACTION } from '../cards/load-clicked-card.ts';
import { markTransferStepDone } from './mark-transfer-step-done.ts';

/**
 * @example const { text } = await decideTransferCard(deps, { cardKey, actionId: TRANSFER_STEP_DONE, actor, platform: 'wecom', platformUserId: 'hr-a' });
 */
export async function decideTransferCard(deps: ServiceDeps, click: CardClick): Promise<{ text: string }> {
  if (click.actionId !== TRANSFER_STEP_DONE) return UNKNOWN_ACTION;
  const clicked = await loadClickedCard(deps, click, {
    types: [TRANSFER_STEP_DUE_CARD, TRANSFER_STEP_OVERDUE_CARD],
    permission: { action: 'transfer.manage', refusal: '只有人事可以登记转移接续' },
  });
  if (clicked.refused) return clicked.refused;
  const { card, actor } = clicked;
  if (card.state !== 'OPEN') return decidedReply(deps, card);
  const row = await deps.db.pensionTransferStep.findUnique({ where: { id: card.subjectId } });
  if (!row) return { text: '找不到这个转移接续步骤，请在「转移接续」中查看' };
  const today = dayIn(deps.businessTz, deps.now());
  try {
    await markTransferStepDone(deps, { actor, transferId: row.transferId, step: row.step, doneOn: today, click: { cardId: card.id, platformUserId: click.platformUserId, responseCode: click.responseCode } });
    return { text: `已登记第${row.step}步于 ${today} 办结` };
  } catch (error) {
    // The case moved on elsewhere (REST, H5) or the order is wrong: say why, change nothing.
    if (error instanceof AppError && ['conflict', 'bad_request', 'forbidden', 'not_found'].includes(error.code)) return { text: error.message };
    throw error;
  }
}
