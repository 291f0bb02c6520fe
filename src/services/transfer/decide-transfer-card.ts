// A click on 今日已办结 of a transfer reminder card. Only the card key, the action and the clicker
// come from the callback; the card is reloaded and checked (type, platform, recipient, role), then
// the same service as the REST route records the step as done today (Asia/Shanghai day).
import { TRANSFER_STEP_DONE } from '../../../cards/action-ids.ts';
import { TRANSFER_STEP_DUE_CARD, TRANSFER_STEP_OVERDUE_CARD } from '../../../cards/transfer-step-cards.ts';
import { dayIn, formatDateTime } from '../../domain/dates.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { CardClick } from '../card-click.ts';
import type { ServiceDeps } from '../deps.ts';
import { parseRecipients } from '../onboarding/card-instance-json.ts';
import { rememberResponseCode } from '../onboarding/remember-response-code.ts';
import { markTransferStepDone } from './mark-transfer-step-done.ts';

/**
 * @example const { text } = await decideTransferCard(deps, { cardKey, actionId: TRANSFER_STEP_DONE, actor, platform: 'wecom', platformUserId: 'hr-a' });
 */
export async function decideTransferCard(deps: ServiceDeps, click: CardClick): Promise<{ text: string }> {
  if (click.actionId !== TRANSFER_STEP_DONE) return { text: '无法识别的操作，请刷新卡片后重试' };
  const card = await deps.db.cardInstance.findUnique({ where: { cardKey: click.cardKey } });
  if (!card || ![TRANSFER_STEP_DUE_CARD, TRANSFER_STEP_OVERDUE_CARD].includes(card.type) || card.platform !== click.platform || !card.subjectId) return { text: '找不到这张卡片，可能已失效' };
  if (!parseRecipients(card.recipients).some((r) => r.userId === click.platformUserId)) return { text: '你不是这张卡片的处理人' };
  if (!click.actor || !scopeOf(click.actor, 'transfer.manage')) return { text: '只有人事可以登记转移接续' };
  if (card.state !== 'OPEN') return { text: `这张卡片已由 ${card.decidedByName ?? '他人'} 于 ${card.decidedAt ? formatDateTime(deps.businessTz, card.decidedAt) : ''} 处理` };
  const row = await deps.db.pensionTransferStep.findUnique({ where: { id: card.subjectId } });
  if (!row) return { text: '找不到这个转移接续步骤，请在「转移接续」中查看' };
  if (click.responseCode) {
    const code = click.responseCode;
    await deps.db.$transaction((tx) => rememberResponseCode(tx, card.id, click.platformUserId, code));
  }
  const today = dayIn(deps.businessTz, deps.now());
  try {
    await markTransferStepDone(deps, { actor: click.actor, transferId: row.transferId, step: row.step, doneOn: today });
    return { text: `已登记第${row.step}步于 ${today} 办结` };
  } catch (error) {
    // The case moved on elsewhere (REST, H5) or the order is wrong: say why, change nothing.
    if (error instanceof AppError && ['conflict', 'bad_request', 'forbidden', 'not_found'].includes(error.code)) return { text: error.message };
    throw error;
  }
}
