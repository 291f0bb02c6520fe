// 增员 done outside the cards (e.g. before the first reminder): HR records it by hand in the
// API / H5. Same rows, history, alert resolution and audit as the 已增员 click, source 'manual';
// the open reminder cards are closed for every recipient.
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay, isValidDay } from '../../domain/dates.ts';
import { refuseOwnCase } from '../../domain/four-eyes.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { getEnrolment, type EnrolmentView } from './change-enrolment-date.ts';
import { closeEnrolmentCards } from './close-enrolment-cards.ts';
import { recordEnrolmentInTx } from './record-enrolment-in-tx.ts';

export async function recordEnrolmentManually(
  deps: ServiceDeps,
  opts: { actor: Actor; employeeId: string; enrolledOn: string; reason: string },
): Promise<EnrolmentView> {
  authorize(opts.actor, 'enrolment.record');
  refuseOwnCase(opts.actor, opts.employeeId, '这次社保增员登记', '其他人事同事');
  const today = dayIn(deps.businessTz, deps.now());
  if (!isValidDay(opts.enrolledOn)) throw new AppError('validation_failed', '增员日期应为真实存在的日期，写成 2026-03-02 这样');
  if (opts.enrolledOn > today) throw new AppError('validation_failed', `增员日期不能晚于今天（${today}）`);
  await deps.db.$transaction(async (tx) => {
    const employee = await tx.employee.findUnique({ where: { id: opts.employeeId }, select: { startDate: true } });
    if (!employee) throw new AppError('not_found', '找不到这位员工，可能已被删除；请从名单中重新打开');
    const startDate = formatDay(employee.startDate) as string;
    if (opts.enrolledOn < startDate) throw new AppError('validation_failed', `增员日期不能早于入职日期（${startDate}）`);
    const r = await recordEnrolmentInTx(tx, { actor: opts.actor, employeeId: opts.employeeId, enrolledOn: opts.enrolledOn, source: 'manual', reason: `手工登记增员：${opts.reason}`, now: deps.now() });
    if (r.enrolled.length === 0) throw new AppError('conflict', '该员工已登记社保增员；如日期有误，请使用更正增员日期');
    await closeEnrolmentCards(deps, tx, { actor: opts.actor, employeeIds: [opts.employeeId], how: '手工登记' });
  });
  return getEnrolment(deps, { actor: opts.actor, employeeId: opts.employeeId });
}
