// The absence chain starts when the line manager clicks 无法联系, or the manager's SLA lapses
// (attendance section). "Automatic resignation" is no legal ground: the employer must tell the
// employee to return, with a deadline and provable delivery, before a termination under
// 劳动合同法 第三十九条第（二）项. So the employee becomes ABSCONDED (自离) and HR is asked to
// send the first return-to-work notice, or it goes out at once when the company turned that on.
import { buildExitNoticeReadyCard } from '../../../cards/exit-notice-cards.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { addDays, dayIn } from '../../domain/dates.ts';
import { workdayOnOrAfter } from '../../domain/calendar/day-math.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { transitionEmployeeStatusInTx } from '../employees/transition-employee-status.ts';
import { absenceSummary, exitCaseUrl, loadAbsentDays, loadExitEmployee } from './exit-facts.ts';
import { ledgerExitEvent } from './exit-evidence.ts';
import { loadExitSettings } from './load-exit-settings.ts';
import { lockExitProcess } from './lock-exit-process.ts';
import { queueExitCard } from './queue-exit-card.ts';
import { sendExitNoticeInTx } from './send-exit-notice.ts';

export interface StartAbsenceExitOptions {
  employeeId: string;
  absenceCaseId: string;
  actor: Actor;
  reason: 'manager_unreachable' | 'sla_expired';
}

const reasonLabels = { manager_unreachable: '直属上级确认无法联系', sla_expired: '直属上级未在时限内答复，按无法联系处理' } as const;
const OPEN_ABSENCE_STATES = ['NOTICE_1_PENDING', 'NOTICE_1_SENT', 'NOTICE_2_PENDING', 'NOTICE_2_SENT', 'UNION_PENDING', 'UNION_NOTIFIED', 'TERMINATION_APPROVAL', 'TERMINATION_NOTICE_SENT'];

/**
 * Idempotent per absence case: a second call (a repeated click, the job after the click) returns
 * the same process with created=false. Call sealTreeHead(deps) after the transaction commits.
 * @example
 *   const { exitProcessId } = await deps.db.$transaction((tx) => startAbsenceExitProcess(deps, tx, { employeeId, absenceCaseId, actor, reason: 'manager_unreachable' }));
 */
export async function startAbsenceExitProcess(deps: ServiceDeps, tx: Tx, o: StartAbsenceExitOptions): Promise<{ exitProcessId: string; created: boolean }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`exit-absence:${o.employeeId}`}, 0))`;
  const existing = await tx.exitProcess.findFirst({
    where: { OR: [{ absenceCaseId: o.absenceCaseId }, { employeeId: o.employeeId, kind: 'ABSENCE', state: { in: OPEN_ABSENCE_STATES } }] },
    select: { id: true },
  });
  if (existing) return { exitProcessId: existing.id, created: false };
  const absence = await tx.absenceCase.findUnique({ where: { id: o.absenceCaseId }, select: { employeeId: true, absentDays: true, firstAbsentDay: true, days: true } });
  if (!absence || absence.employeeId !== o.employeeId) throw new AppError('not_found', '找不到该员工的这次缺勤记录，请从缺勤确认卡片重新打开');
  const employee = await loadExitEmployee(tx, o.employeeId);
  if (employee.status !== 'ACTIVE' && employee.status !== 'ABSCONDED') {
    throw new AppError('illegal_transition', `${employee.name} 当前状态不是在职，不能启动旷工返岗通知流程`);
  }
  const process = await tx.exitProcess.create({
    data: {
      employeeId: o.employeeId, kind: 'ABSENCE', state: 'NOTICE_1_PENDING', absenceCaseId: o.absenceCaseId,
      absentDays: absence.absentDays, firstAbsentOn: absence.firstAbsentDay, reason: reasonLabels[o.reason], createdById: o.actor.id, createdAt: deps.now(),
    },
  });
  const days = await loadAbsentDays(tx, process);
  if (employee.status === 'ACTIVE') {
    await transitionEmployeeStatusInTx(tx, {
      actor: o.actor, id: o.employeeId, to: 'ABSCONDED', expectedStatus: 'ACTIVE',
      reason: `连续旷工 ${absenceSummary(days, absence.absentDays)}，${reasonLabels[o.reason]}（缺勤记录 ${o.absenceCaseId}）；启动返岗通知流程（《劳动合同法》第三十九条第（二）项）`,
    });
  }
  await writeAuditEvent(tx, o.actor, { type: 'exit.started', data: { processId: process.id, kind: 'ABSENCE', reason: o.reason, absenceCaseId: o.absenceCaseId } }, { type: 'exit_process', id: process.id });
  const now = deps.now();
  await ledgerExitEvent(tx, { processId: process.id, employeeId: o.employeeId, type: 'exit.started', metadata: { absentDays: days }, at: now });
  const { rules, calendar } = await loadExitSettings(tx);
  if (rules.autoSendFirstNotice) {
    await sendExitNoticeInTx(deps, tx, { process: await lockExitProcess(tx, process.id), actor: o.actor });
  } else {
    const returnBy = workdayOnOrAfter(addDays(dayIn(deps.businessTz, now), rules.returnDays), calendar);
    await queueExitCard(deps, tx, {
      actor: o.actor, subjectType: 'exit_process', subjectId: process.id, employeeId: o.employeeId, stage: 'notice1', audience: { kind: 'hr' },
      build: (key) => buildExitNoticeReadyCard({ employee, round: 1, absentDays: absenceSummary(days, absence.absentDays), returnBy, key, h5Url: exitCaseUrl(deps.publicBaseUrl, process.id) }),
    });
  }
  return { exitProcessId: process.id, created: true };
}
