// The H5's 社保增员 page: what was recorded for one employee, and HR's correction of the
// enrolment date (the 已增员 card records "today", which may be a few days off). Every
// ENROLLED row moves together, each with its history entry, under one audit event.
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay, isValidDay, parseDay } from '../../domain/dates.ts';
import { refuseOwnCase } from '../../domain/four-eyes.ts';
import { authorize, scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { EnrolmentStatus, InsuranceType } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import { insuranceLabels, insuranceOrder } from '../contributions/contribution-columns.ts';
import { enrolmentDeadlineView, type EnrolmentDeadlineView } from './enrolment-deadline-view.ts';
import type { ServiceDeps } from '../deps.ts';

const statusLabels: Record<EnrolmentStatus, string> = { ENROLLED: '已参保', STOPPED: '已停保' };
const sourceLabels: Record<string, string> = { manual: '手工登记', card: '卡片「已增员」', import: '导入' };

export interface EnrolmentView {
  employee: { id: string; employeeNo: string; name: string; department: string; startDate: string };
  /** True when the caller may change the date (HR roles). */
  canEdit: boolean;
  /** 'YYYY-MM-DD' in BUSINESS_TZ: the latest date the picker may offer. */
  today: string;
  enrolments: {
    insuranceType: InsuranceType; label: string; enrolledOn: string; stoppedOn: string | null;
    status: EnrolmentStatus; statusLabel: string; source: string; sourceLabel: string; version: number;
  }[];
  /** The legal deadline while nothing is enrolled yet; null once enrolled. */
  deadline: EnrolmentDeadlineView | null;
  /** Newest first; one entry per change event, listing the insurances it touched. */
  history: { at: string; actorName: string; reason: string; fromStatus: EnrolmentStatus | null; toStatus: EnrolmentStatus; labels: string[] }[];
}

/**
 * @example
 *   const view = await getEnrolment(deps, { actor, employeeId });
 */
export async function getEnrolment(deps: ServiceDeps, opts: { actor: Actor; employeeId: string }): Promise<EnrolmentView> {
  const isHr = scopeOf(opts.actor, 'enrolment.record') !== undefined;
  if (!isHr && opts.actor.id !== opts.employeeId) throw new AppError('not_found', '找不到这位员工，或你无权查看；请从名单中重新打开');
  const employee = await deps.db.employee.findUnique({
    where: { id: opts.employeeId },
    select: { id: true, employeeNo: true, name: true, startDate: true, enrolmentClockFrom: true, insuredCity: true, department: { select: { name: true } } },
  });
  if (!employee) throw new AppError('not_found', '找不到这位员工，或你无权查看；请从名单中重新打开');
  const rows = await deps.db.enrolment.findMany({ where: { employeeId: employee.id }, include: { changes: { orderBy: { at: 'desc' } } } });
  rows.sort((a, b) => insuranceOrder.indexOf(a.insuranceType) - insuranceOrder.indexOf(b.insuranceType));
  const history = new Map<string, EnrolmentView['history'][number]>();
  for (const row of rows) {
    for (const c of row.changes) {
      const key = [c.at.toISOString(), c.actorId, c.reason, c.fromStatus, c.toStatus].join('|');
      const entry = history.get(key) ?? { at: c.at.toISOString(), actorName: c.actorName, reason: c.reason, fromStatus: c.fromStatus, toStatus: c.toStatus, labels: [] };
      entry.labels.push(insuranceLabels[row.insuranceType]);
      history.set(key, entry);
    }
  }
  return {
    employee: { id: employee.id, employeeNo: employee.employeeNo, name: employee.name, department: employee.department.name, startDate: formatDay(employee.startDate) as string },
    canEdit: isHr,
    today: dayIn(deps.businessTz, deps.now()),
    deadline: rows.some((r) => r.status === 'ENROLLED') ? null : await enrolmentDeadlineView(deps.db, employee, dayIn(deps.businessTz, deps.now())),
    enrolments: rows.map((r) => ({
      insuranceType: r.insuranceType, label: insuranceLabels[r.insuranceType], enrolledOn: formatDay(r.enrolledOn) as string, stoppedOn: formatDay(r.stoppedOn),
      status: r.status, statusLabel: statusLabels[r.status], source: r.source, sourceLabel: sourceLabels[r.source] ?? r.source, version: r.version,
    })),
    history: [...history.values()].sort((a, b) => b.at.localeCompare(a.at)),
  };
}

export interface ChangeEnrolmentDateOptions {
  actor: Actor;
  employeeId: string;
  /** 'YYYY-MM-DD' in BUSINESS_TZ: not in the future, not before the start date. */
  enrolledOn: string;
  reason: string;
}

/**
 * @example
 *   await changeEnrolmentDate(deps, { actor, employeeId, enrolledOn: '2026-12-20', reason: '实际 12 月 20 日已在社保系统增员' });
 */
export async function changeEnrolmentDate(deps: ServiceDeps, opts: ChangeEnrolmentDateOptions): Promise<EnrolmentView> {
  authorize(opts.actor, 'enrolment.record');
  refuseOwnCase(opts.actor, opts.employeeId, '这条社保增员记录', '其他人事同事');
  const reason = opts.reason.trim();
  if (!reason) throw new AppError('validation_failed', '请填写更正原因');
  if (!isValidDay(opts.enrolledOn)) throw new AppError('validation_failed', '增员日期应为真实存在的日期，写成 2026-03-02 这样');
  const today = dayIn(deps.businessTz, deps.now());
  if (opts.enrolledOn > today) throw new AppError('validation_failed', `增员日期不能晚于今天（${today}）`);
  await deps.db.$transaction(async (tx) => {
    const employee = await tx.employee.findUnique({ where: { id: opts.employeeId }, select: { id: true, employeeNo: true, name: true, startDate: true } });
    if (!employee) throw new AppError('not_found', '找不到这位员工，可能已被删除；请从名单中重新打开');
    const startDate = formatDay(employee.startDate) as string;
    if (opts.enrolledOn < startDate) throw new AppError('validation_failed', `增员日期不能早于入职日期（${startDate}）`);
    const rows = await tx.enrolment.findMany({ where: { employeeId: employee.id, status: 'ENROLLED' }, select: { id: true, enrolledOn: true, version: true } });
    if (rows.length === 0) throw new AppError('not_found', `${employee.name} 尚无社保增员记录，无法更正增员日期`);
    const toChange = rows.filter((r) => formatDay(r.enrolledOn) !== opts.enrolledOn);
    if (toChange.length === 0) return; // Already that date: nothing to correct.
    const from = [...new Set(toChange.map((r) => formatDay(r.enrolledOn) as string))].sort().join('、');
    for (const r of toChange) {
      const changed = await compareAndSet(tx.enrolment, { id: r.id, status: 'ENROLLED' as const, version: r.version }, { enrolledOn: parseDay(opts.enrolledOn), version: { increment: 1 } });
      if (!changed) throw new AppError('conflict', '增员记录刚被他人修改，请刷新后重试');
    }
    await tx.employee.update({ where: { id: employee.id }, data: { enrolledOn: parseDay(opts.enrolledOn) } });
    await tx.enrolmentChange.createMany({
      data: toChange.map((r) => ({
        enrolmentId: r.id, fromStatus: 'ENROLLED' as const, toStatus: 'ENROLLED' as const,
        reason: `更正增员日期：${formatDay(r.enrolledOn)} → ${opts.enrolledOn}（${reason}）`, actorId: opts.actor.id, actorName: opts.actor.name,
      })),
    });
    await writeAuditEvent(tx, opts.actor, {
      type: 'enrolment.date_changed', data: { employeeNo: employee.employeeNo, from, to: opts.enrolledOn, reason },
    }, { type: 'employee', id: employee.id });
  });
  return getEnrolment(deps, { actor: opts.actor, employeeId: opts.employeeId });
}
