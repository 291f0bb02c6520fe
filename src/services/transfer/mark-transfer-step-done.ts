// HR records that a step of a pension transfer was done on a day (REST, H5 or the card's 今日已办结).
// Steps go in order, on days no earlier than the previous step's and no later than today; the
// same call twice changes nothing. The case's version is the compare-and-set guard.
import { TRANSFER_STEP_DONE } from '../../../cards/action-ids.ts';
import { TRANSFER_STEP_DUE_CARD, TRANSFER_STEP_OVERDUE_CARD } from '../../../cards/transfer-step-cards.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay, parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { TRANSFER_STEP_COUNT, transferStepInfo } from '../../domain/transfer/transfer-steps.ts';
import type { TransferView } from '../../domain/views/transfer.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import { rememberClick, type ClickReceipt } from '../cards/remember-response-code.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeExitCards } from '../exits/close-exit-cards.ts';
import { awardPoints } from '../points/award-points.ts';
import { loadTransferView, TRANSFER_NOT_FOUND } from './get-transfer.ts';
import { loadTransferCalendar } from './load-transfer-calendar.ts';
import { TRANSFER_ALERT_KIND } from './transfer-alert-key.ts';
import { scheduleOf } from './transfer-view.ts';

/** The step whose completion earns the employee the transfer-cooperation points. */
const COOPERATION_STEP = 2;

export interface MarkTransferStepDoneOptions {
  actor: Actor;
  transferId: string;
  step: number;
  /** 'YYYY-MM-DD' */
  doneOn: string;
  /** The card click that marks it, when it is one. */
  click?: ClickReceipt;
}

/**
 * @example await markTransferStepDone(deps, { actor, transferId, step: 2, doneOn: '2026-10-20' });
 */
export async function markTransferStepDone(deps: ServiceDeps, o: MarkTransferStepDoneOptions): Promise<TransferView> {
  authorize(o.actor, 'transfer.manage');
  if (o.step === 1) throw new AppError('bad_request', '第1步（提交申请）在建立案件当天已办结，无需再标记；请标记第2步');
  if (!Number.isInteger(o.step) || o.step < 1 || o.step > TRANSFER_STEP_COUNT) throw new AppError('bad_request', '转移接续只有第1至第4步，请检查步骤');
  const today = dayIn(deps.businessTz, deps.now());
  if (o.doneOn > today) throw new AppError('bad_request', `办结日期不能晚于今天（${today}），请在办结后再标记`);
  return deps.db.$transaction(async (tx) => {
    await rememberClick(tx, o.click);
    const t = await tx.pensionTransfer.findUnique({ where: { id: o.transferId }, include: { steps: true } });
    if (!t) throw new AppError('not_found', TRANSFER_NOT_FOUND);
    const row = t.steps.find((s) => s.step === o.step);
    const previous = t.steps.find((s) => s.step === o.step - 1);
    if (!row || !previous) throw new AppError('not_found', TRANSFER_NOT_FOUND);
    const doneBefore = formatDay(row.doneOn);
    if (doneBefore === o.doneOn) return loadTransferView(deps, tx, t.id);
    if (doneBefore) throw new AppError('conflict', `第${o.step}步已于 ${doneBefore} 办结（${row.doneByName ?? '他人'}登记），不能改为 ${o.doneOn}`);
    const previousDone = formatDay(previous.doneOn);
    if (!previousDone) throw new AppError('bad_request', `请先标记第${o.step - 1}步（${transferStepInfo(o.step - 1).title}）办结，再标记第${o.step}步`);
    if (o.doneOn < previousDone) throw new AppError('bad_request', `办结日期不能早于第${o.step - 1}步的办结日期（${previousDone}），请检查日期`);
    const calendar = await loadTransferCalendar(tx);
    const dueOn = scheduleOf(t, calendar)[o.step - 1]?.dueOn as string;
    const last = o.step === TRANSFER_STEP_COUNT;
    if (!(await compareAndSet(tx.pensionTransfer, { id: t.id, version: t.version }, { version: { increment: 1 }, ...(last && { state: 'DONE' }) }))
      || !(await compareAndSet(tx.pensionTransferStep, { id: row.id, doneOn: null }, { doneOn: parseDay(o.doneOn), doneAt: deps.now(), doneById: o.actor.id, doneByName: o.actor.name }))) {
      throw new AppError('conflict', '这个案件刚被他人更新，请刷新后重试');
    }
    await writeAuditEvent(tx, o.actor, { type: 'transfer.step_done', data: { transferId: t.id, step: o.step, doneOn: o.doneOn, dueOn, late: o.doneOn > dueOn } }, { type: 'employee', id: t.employeeId });
    // Incentive points (docs/points.md): the 联系函 of step 2 is only issued on the employee's
    // application with the old 参保缴费凭证 (国办发〔2009〕66号 第八条第（一）（二）项): their cooperation.
    if (o.step === COOPERATION_STEP) {
      await awardPoints(tx, { actor: o.actor, employeeId: t.employeeId, rule: 'transferCooperation', subjectId: t.id, at: deps.now(), reason: `配合办理养老保险关系转移接续（${t.fromCity}→${t.toCity}），新参保地已出具联系函` });
    }
    await tx.alert.updateMany({ where: { kind: TRANSFER_ALERT_KIND, uniqueKey: { startsWith: `${TRANSFER_ALERT_KIND}:${row.id}:` }, state: 'OPEN' }, data: { state: 'RESOLVED', resolvedAt: deps.now() } });
    await closeExitCards(deps, tx, { subjectId: row.id, types: [TRANSFER_STEP_DUE_CARD, TRANSFER_STEP_OVERDUE_CARD], actor: o.actor, actionId: TRANSFER_STEP_DONE, label: '已办结' });
    return loadTransferView(deps, tx, t.id);
  });
}
