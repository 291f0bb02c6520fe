// An employee gives notice from the H5 (离职申请). 劳动合同法 第三十七条: 30 days' written notice,
// 3 days during probation — probation as recorded on the employee (probationEnd, checked against
// 第十九条 on entry), never as the employee claims it. A resignation on a 第三十八条 ground (the
// employer's fault, e.g. no social insurance) needs no notice period and owes compensation. A
// shorter notice is still recorded (HR may agree to an earlier day), with a warning to both.
// ACTIVE → PENDING_EXIT; HR gets a card to acknowledge it.
import { buildExitResignationCard } from '../../../cards/exit-resignation-card.ts';
import type { Actor } from '../../domain/actor.ts';
import { addDays, dayIn, parseDay } from '../../domain/dates.ts';
import { daysBetween } from '../../domain/calendar/day-math.ts';
import { employerFaultGroundLabels, type EmployerFaultGround } from '../../domain/contracts/employer-fault-grounds.ts';
import { inProbationOn } from '../../domain/contracts/probation-limit.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { transitionEmployeeStatusInTx } from '../employees/transition-employee-status.ts';
import { ledgerExitEvent, sealExitEvidence } from './exit-evidence.ts';
import { exitCaseUrl, loadExitEmployee } from './exit-facts.ts';
import { queueExitCard } from './queue-exit-card.ts';

export interface RequestResignationOptions {
  actor: Actor;
  /** 'YYYY-MM-DD', the last working day (the exit date). */
  lastDay: string;
  reason: string;
  /** A 第三十八条 ground: the employee ends the contract for the employer's fault, without notice period. */
  ground?: EmployerFaultGround;
}

export interface ResignationResult {
  processId: string;
  noticeDays: number;
  requiredDays: number;
  warning: string | null;
}

/**
 * @example await requestResignation(deps, { actor: employee, lastDay: '2026-12-31', reason: '个人发展' }); // → { noticeDays: 30, requiredDays: 30, warning: null }
 */
export async function requestResignation(deps: ServiceDeps, o: RequestResignationOptions): Promise<ResignationResult> {
  authorize(o.actor, 'resignation.request');
  if (o.actor.kind !== 'employee') throw new AppError('forbidden', '离职申请只能由员工本人提交');
  const now = deps.now();
  const today = dayIn(deps.businessTz, now);
  if (o.lastDay < today || o.lastDay > addDays(today, 180)) throw new AppError('validation_failed', `最后工作日应在 ${today} 至 ${addDays(today, 180)} 之间`);
  const result = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`exit-absence:${o.actor.id}`}, 0))`;
    const open = await tx.exitProcess.findFirst({ where: { employeeId: o.actor.id, state: { notIn: ['RETURNED', 'WITHDRAWN', 'CLOSED'] } }, select: { id: true } });
    if (open) throw new AppError('conflict', '你已有进行中的离职流程，请联系人事');
    const employee = await loadExitEmployee(tx, o.actor.id);
    if (employee.status !== 'ACTIVE' && employee.status !== 'UNPAID_LEAVE') throw new AppError('conflict', '当前状态不能提交离职申请，请联系人事');
    const probation = inProbationOn(employee.probationEnd, today);
    const requiredDays = o.ground ? 0 : probation ? 3 : 30;
    const noticeDays = daysBetween(today, o.lastDay);
    const warning = noticeDays < requiredDays
      ? `提前通知期为 ${noticeDays} 天，少于《劳动合同法》第三十七条规定的${probation ? `试用期内（至 ${employee.probationEnd}）提前三日` : '提前三十日'}；最后工作日需与人事协商确认`
      : null;
    const process = await tx.exitProcess.create({
      data: {
        employeeId: employee.id, kind: o.ground ? 'EMPLOYER_FAULT_RESIGNATION' : 'RESIGNATION', ground: o.ground ?? null, state: 'REQUESTED', reason: o.reason.trim(),
        requestedOn: parseDay(today), noticeDays, exitDate: parseDay(o.lastDay), createdById: o.actor.id, createdAt: now,
      },
    });
    const basis = o.ground ? `《劳动合同法》第三十八条：${employerFaultGroundLabels[o.ground]}` : '《劳动合同法》第三十七条';
    await transitionEmployeeStatusInTx(tx, { actor: o.actor, id: employee.id, to: 'PENDING_EXIT', reason: `员工提交离职申请，最后工作日 ${o.lastDay}（${basis}）` });
    await writeAuditEvent(tx, o.actor, { type: 'resignation.requested', data: { processId: process.id, lastDay: o.lastDay, noticeDays, requiredDays, ...(o.ground ? { ground: o.ground } : {}) } }, { type: 'exit_process', id: process.id });
    await ledgerExitEvent(tx, { processId: process.id, employeeId: employee.id, type: 'resignation.requested', metadata: { lastDay: o.lastDay, noticeDays, reason: o.reason.trim(), ground: o.ground ?? null }, at: now });
    await queueExitCard(deps, tx, {
      actor: o.actor, subjectType: 'exit_process', subjectId: process.id, employeeId: employee.id, stage: 'resignation', audience: { kind: 'hr' },
      build: (key) => buildExitResignationCard({ facts: { name: employee.name, department: employee.department, requestedOn: today, lastDay: o.lastDay, noticeDays, requiredDays, reason: o.reason.trim() }, key, h5Url: exitCaseUrl(deps.publicBaseUrl, process.id) }),
    });
    return { processId: process.id, noticeDays, requiredDays, warning };
  });
  await sealExitEvidence(deps);
  return result;
}
