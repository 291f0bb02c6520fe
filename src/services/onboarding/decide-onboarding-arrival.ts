// A click on 已到岗 / 未到岗. Only the card key, the action id and the clicker come from the
// callback; everything else is reloaded. One transaction: card OPEN→DECIDED (compare-and-set),
// the employee's lifecycle move, the audit event, and a card update for every recipient of
// this card and of its copies on other platforms.
import type { CardClick } from '../card-click.ts';
import { ONBOARDING_ARRIVED, ONBOARDING_NO_SHOW } from '../../../cards/action-ids.ts';
import { ONBOARDING_CONFIRM_CARD, onboardingDecisionLabels } from '../../../cards/onboarding-confirm-card.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { statusLabels } from '../../domain/lifecycle.ts';
import { AppError } from '../../errors.ts';
import type { CardInstance } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { queueRuleAcknowledgementRequest } from '../company-rules/queue-rule-acknowledgement-request.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { transitionEmployeeStatusInTx } from '../employees/transition-employee-status.ts';
import { decidedReply, loadClickedCard, UNKNOWN_ACTION } from '../cards/load-clicked-card.ts';
import { closeCopies, decidedColumns, queueCardUpdates } from '../cards/close-cards.ts';
import { rememberResponseCode } from '../cards/remember-response-code.ts';

/** The click that decides the card (listeners/card-click-listener.ts). */
export type DecideOnboardingArrivalOptions = CardClick;

const isDecision = (id: string): id is keyof typeof onboardingDecisionLabels => id === ONBOARDING_ARRIVED || id === ONBOARDING_NO_SHOW;

/**
 * @example
 *   const { text } = await decideOnboardingArrival(deps, { cardKey, actionId: ONBOARDING_ARRIVED, actor, platform: 'wecom', platformUserId: 'zhangsan' });
 */
export async function decideOnboardingArrival(deps: ServiceDeps, opts: DecideOnboardingArrivalOptions): Promise<{ text: string }> {
  const { actionId } = opts;
  if (!isDecision(actionId)) return UNKNOWN_ACTION;
  const clicked = await loadClickedCard(deps, opts, { types: [ONBOARDING_CONFIRM_CARD], permission: { action: 'onboarding.confirm', refusal: '只有人事可以确认到岗' } });
  if (clicked.refused) return clicked.refused;
  const { card, actor } = clicked;
  if (card.state !== 'OPEN') return alreadyDecided(deps, card);
  const employeeId = card.subjectId;
  // Four-eyes: a new HR hire does not confirm their own first day (it starts the 30-day clock).
  if (actor.id === employeeId) return { text: '抱歉，这是你本人的到岗确认，不能由你自己确认，请由其他人事同事处理' };
  const now = deps.now();
  const tooEarly = actionId === ONBOARDING_ARRIVED ? await arrivalNotYetOpen(deps, employeeId, dayIn(deps.businessTz, now)) : null;
  if (tooEarly) return { text: tooEarly };
  try {
    return await deps.db.$transaction(async (tx) => {
      // Serialize decisions per employee: copies of the card on two platforms clicked at the same
      // moment would otherwise lock each other's rows in opposite order.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`card:${card.type}:${employeeId}`}, 0))`;
      const decision = { actor, actionId, decided: { label: onboardingDecisionLabels[actionId], byName: actor.name, at: now.toISOString() } };
      const own = decidedColumns(card, decision);
      if (!(await compareAndSet(tx.cardInstance, { id: card.id, state: 'OPEN' }, own.data))) {
        return alreadyDecided(deps, await tx.cardInstance.findUniqueOrThrow({ where: { id: card.id } }));
      }
      if (opts.responseCode) await rememberResponseCode(tx, card.id, opts.platformUserId, opts.responseCode);
      const employee = await tx.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { name: true, startDate: true } });
      const startDate = formatDay(employee.startDate) ?? '';
      const today = dayIn(deps.businessTz, now);
      // A hire who never came leaves on the day HR says so, never before the planned start.
      const exitDate = today < startDate ? startDate : today;
      await transitionEmployeeStatusInTx(tx, actionId === ONBOARDING_ARRIVED
        ? { actor, id: employeeId, to: 'ACTIVE', expectedStatus: 'ONBOARDING', reason: '到岗确认（卡片）' }
        : { actor, id: employeeId, to: 'EXITED', expectedStatus: 'ONBOARDING', reason: '未到岗，取消入职（卡片）', exitDate });
      // The new hire reads and signs the attendance rule in force (劳动合同法 第四条).
      if (actionId === ONBOARDING_ARRIVED) await queueRuleAcknowledgementRequest(deps, tx, { employeeId });
      const copies = await closeCopies(tx, card, decision);
      await queueCardUpdates(deps, tx, [{ card, model: own.model }, ...copies]);
      await writeAuditEvent(tx, actor, {
        type: 'card.decided',
        data: { cardKey: card.cardKey, cardType: card.type, platform: card.platform, actionId, decision: decision.decided.label, platformUserId: opts.platformUserId, cardsClosed: 1 + copies.length },
      }, { type: 'employee', id: employeeId });
      return actionId === ONBOARDING_ARRIVED
        ? { text: `已确认 ${employee.name} 到岗（入职日期 ${startDate}）。请自用工之日起三十日内办理社保增员。` }
        : { text: `已记录 ${employee.name} 未到岗，已取消入职（离职日期 ${exitDate}）。` };
    });
  } catch (error) {
    // Someone changed the employee elsewhere (REST, import) before the click: say so, change nothing.
    if (error instanceof AppError && (error.code === 'conflict' || error.code === 'illegal_transition')) {
      const e = await deps.db.employee.findUnique({ where: { id: employeeId }, select: { name: true, status: true } });
      return { text: `${e?.name ?? '该员工'} 当前状态为「${e ? statusLabels[e.status] : '未知'}」，无需再确认到岗` };
    }
    throw error;
  }
}

/**
 * 已到岗 before the start date would start the enrolment clock (社会保险法 第五十八条: 自用工之日起)
 * on a day nobody worked, so it is refused with the day it opens. 未到岗 stays possible early.
 */
async function arrivalNotYetOpen(deps: ServiceDeps, employeeId: string, today: string): Promise<string | null> {
  const e = await deps.db.employee.findUnique({ where: { id: employeeId }, select: { startDate: true } });
  const startDate = formatDay(e?.startDate) ?? '';
  return startDate > today ? `入职日期是 ${startDate}，届时才能确认到岗` : null;
}

function alreadyDecided(deps: ServiceDeps, card: CardInstance): { text: string } {
  return decidedReply(deps, card, card.decision && isDecision(card.decision) ? onboardingDecisionLabels[card.decision] : '已处理');
}
