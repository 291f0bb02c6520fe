// A click on 已联系上 / 无法联系 on the 员工连续未打卡 card. Only the card key, the action id and
// the clicker come from the callback; the card and the case are reloaded, and only a recipient
// of the card may answer it.
import { ABSENCE_CHECK_CARD, absenceDecisionLabels } from '../../../cards/absence-check-card.ts';
import { ABSENCE_CONTACTED, ABSENCE_UNREACHABLE } from '../../../cards/action-ids.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { AppError } from '../../errors.ts';
import type { CardClick } from '../card-click.ts';
import type { ServiceDeps } from '../deps.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { parseRecipients } from '../cards/card-instance-json.ts';
import { decideAbsenceCaseInTx } from './decide-absence-case.ts';

const stateLabels: Record<string, string> = { CONTACTED: '已联系上', UNREACHABLE: '无法联系，已转人事', CLOSED: '员工已恢复打卡' };

/**
 * @example
 *   const { text } = await decideAbsenceCheck(deps, { cardKey, actionId: ABSENCE_UNREACHABLE, actor, platform: 'wecom', platformUserId: 'wangjingli' });
 */
export async function decideAbsenceCheck(deps: ServiceDeps, click: CardClick): Promise<{ text: string }> {
  if (click.actionId !== ABSENCE_CONTACTED && click.actionId !== ABSENCE_UNREACHABLE) return { text: '无法识别的操作，请刷新卡片后重试' };
  const card = await deps.db.cardInstance.findUnique({ where: { cardKey: click.cardKey } });
  if (!card || card.type !== ABSENCE_CHECK_CARD || card.platform !== click.platform || card.subjectType !== 'absence_case' || !card.subjectId) return { text: '找不到这张卡片，可能已失效' };
  if (!parseRecipients(card.recipients).some((r) => r.userId === click.platformUserId)) return { text: '你不是这张卡片的处理人' };
  if (!click.actor) return { text: '找不到你的员工档案，请联系人事' };
  const actor = click.actor;
  const decision = click.actionId === ABSENCE_CONTACTED ? 'contacted' : 'unreachable';
  try {
    const r = await deps.db.$transaction((tx) =>
      decideAbsenceCaseInTx(deps, tx, { actor, caseId: card.subjectId as string, decision, click: { cardKey: card.cardKey, platform: click.platform, platformUserId: click.platformUserId, responseCode: click.responseCode } }));
    const employee = await deps.db.employee.findUnique({ where: { id: r.absence.employeeId }, select: { name: true } });
    const name = employee?.name ?? '该员工';
    if (r.refused) return { text: r.refused };
    if (!r.changed) {
      const at = r.absence.decidedAt ? formatDateTime(deps.businessTz, r.absence.decidedAt) : '';
      return { text: `${name} 的未打卡确认已由 ${r.absence.decidedByName ?? '他人'} 于 ${at} 处理：${stateLabels[r.absence.state] ?? r.absence.state}` };
    }
    if (decision === 'contacted') return { text: `已记录：${absenceDecisionLabels[ABSENCE_CONTACTED]} ${name}。如需补充说明，可在详情页填写。` };
    // The notice process wrote to the evidence ledger: seal it now, but a sealing hiccup must not fail the click.
    await sealTreeHead(deps).catch((error: unknown) => click.log?.warn({ err: error }, 'sealing the evidence tree head after an absence decision failed'));
    return { text: `已记录：无法联系 ${name}。人事将发出返岗通知书（《劳动合同法》第三十九条第（二）项）。` };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'illegal_transition' || error.code === 'conflict')) return { text: error.message };
    throw error;
  }
}
