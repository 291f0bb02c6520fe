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
import { loadClickedCard, UNKNOWN_ACTION } from '../cards/load-clicked-card.ts';
import { decideAbsenceCaseInTx } from './decide-absence-case.ts';

const stateLabels: Record<string, string> = { CONTACTED: '已联系上', UNREACHABLE: '无法联系，已转人事', CLOSED: '员工已恢复打卡' };

/**
 * @example
 *   const { text } = await decideAbsenceCheck(deps, { cardKey, actionId: ABSENCE_UNREACHABLE, actor, platform: 'wecom', platformUserId: 'wangjingli' });
 */
export async function decideAbsenceCheck(deps: ServiceDeps, click: CardClick): Promise<{ text: string }> {
  if (click.actionId !== ABSENCE_CONTACTED && click.actionId !== ABSENCE_UNREACHABLE) return UNKNOWN_ACTION;
  const clicked = await loadClickedCard(deps, click, { types: [ABSENCE_CHECK_CARD], subjectType: 'absence_case' });
  if (clicked.refused) return clicked.refused;
  const { card, actor } = clicked;
  const decision = click.actionId === ABSENCE_CONTACTED ? 'contacted' : 'unreachable';
  try {
    const r = await deps.db.$transaction((tx) =>
      decideAbsenceCaseInTx(deps, tx, { actor, caseId: card.subjectId, decision, click: { cardKey: card.cardKey, platform: click.platform, platformUserId: click.platformUserId, responseCode: click.responseCode } }));
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
