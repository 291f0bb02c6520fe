// The daily step of every open exit case, as at the end of `asOf` (BUSINESS_TZ):
// - an absent employee who clocked in after the case began has returned: the case closes;
// - a return deadline that passed without a return moves the case on: after the first notice HR
//   is asked to send the second, after the second to notify the union (劳动合同法 第四十三条);
//   an employee who answered 「我将于…返岗」 with a later day is waited for until that day;
// - a resignation or mutual agreement whose exit date has come is completed, with the checklist.
// Each case moves in its own transaction by compare-and-set, so a rerun finds nothing new.
import { buildExitNextStepCard, buildExitNoticeReadyCard } from '../../../cards/exit-notice-cards.ts';
import type { Actor } from '../../domain/actor.ts';
import { addDays, dayIn, formatDay, parseDay } from '../../domain/dates.ts';
import { workdayOnOrAfter } from '../../domain/calendar/day-math.ts';
import { DATED_EXIT_KINDS } from '../../domain/exits/exit-states.ts';
import type { ServiceDeps } from '../deps.ts';
import { completeExitInTx } from './complete-exit.ts';
import { absenceSummary, exitCaseUrl, loadAbsentDays, loadExitEmployee } from './exit-facts.ts';
import { loadExitSettings } from './load-exit-settings.ts';
import { lockExitProcess, moveExitProcess } from './lock-exit-process.ts';
import { markExitReturnedInTx } from './mark-exit-returned.ts';
import { queueExitCard } from './queue-exit-card.ts';

export interface AdvanceSummary {
  returned: number;
  secondNoticePrompts: number;
  unionPrompts: number;
  completed: number;
}

const RETURN_WATCH = ['NOTICE_1_PENDING', 'NOTICE_1_SENT', 'NOTICE_2_PENDING', 'NOTICE_2_SENT', 'UNION_PENDING', 'UNION_NOTIFIED'];

/**
 * @example await advanceExitProcesses(deps, { asOf: '2026-11-05', actor: systemActor('job:exit-task-reminders') });
 */
export async function advanceExitProcesses(deps: ServiceDeps, o: { asOf: string; actor: Actor }): Promise<AdvanceSummary> {
  const summary: AdvanceSummary = { returned: 0, secondNoticePrompts: 0, unionPrompts: 0, completed: 0 };
  const endOfDay = parseDay(addDays(o.asOf, 1));
  const watching = await deps.db.exitProcess.findMany({ where: { kind: 'ABSENCE', state: { in: RETURN_WATCH } }, select: { id: true, employeeId: true, createdAt: true } });
  for (const w of watching) {
    const clockIn = await deps.db.attendanceRecord.findFirst({
      where: { employeeId: w.employeeId, at: { gt: w.createdAt }, day: { lte: parseDay(o.asOf) }, NOT: { flags: { has: 'not_signed' } } },
      select: { id: true },
    });
    if (!clockIn) continue;
    await deps.db.$transaction((tx) => markExitReturnedInTx(deps, tx, { processId: w.id, actor: o.actor, source: 'attendance' }));
    summary.returned++;
  }

  const due = await deps.db.exitProcess.findMany({ where: { kind: 'ABSENCE', state: { in: ['NOTICE_1_SENT', 'NOTICE_2_SENT'] }, deadline: { lt: endOfDay } }, select: { id: true } });
  for (const { id } of due) {
    const moved = await deps.db.$transaction(async (tx) => {
      const p = await lockExitProcess(tx, id);
      const deadline = formatDay(p.deadline);
      if (!deadline || deadline > o.asOf || (p.state !== 'NOTICE_1_SENT' && p.state !== 'NOTICE_2_SENT')) return undefined;
      const notice = p.state === 'NOTICE_1_SENT' ? 'return_notice_1' : 'return_notice_2';
      const step = await tx.exitStep.findUniqueOrThrow({ where: { processId_kind: { processId: p.id, kind: notice } } });
      const promised = formatDay(step.answerReturnOn);
      if (step.answer === 'RETURN' && promised && promised >= o.asOf) return undefined;
      const employee = await loadExitEmployee(tx, p.employeeId);
      const days = await loadAbsentDays(tx, p);
      const h5Url = exitCaseUrl(deps.publicBaseUrl, p.id);
      const sentOn = dayIn(deps.businessTz, step.sentAt as Date);
      if (notice === 'return_notice_1') {
        await moveExitProcess(tx, p, 'NOTICE_2_PENDING', { deadline: null });
        const { rules, calendar } = await loadExitSettings(tx);
        const returnBy = workdayOnOrAfter(addDays(dayIn(deps.businessTz, deps.now()), rules.returnDays), calendar);
        await queueExitCard(deps, tx, {
          actor: o.actor, subjectType: 'exit_process', subjectId: p.id, employeeId: p.employeeId, stage: 'notice2', audience: { kind: 'hr' },
          build: (key) => buildExitNoticeReadyCard({ employee, round: 2, absentDays: absenceSummary(days, p.absentDays), previous: `${sentOn} 发出，期限 ${deadline.slice(5)} 已过`, returnBy, key, h5Url }),
        });
        return 'second';
      }
      await moveExitProcess(tx, p, 'UNION_PENDING', { deadline: null });
      await queueExitCard(deps, tx, {
        actor: o.actor, subjectType: 'exit_process', subjectId: p.id, employeeId: p.employeeId, stage: 'union', audience: { kind: 'hr' },
        build: (key) => buildExitNextStepCard({ employee, step: 'union', facts: [{ label: '旷工', value: absenceSummary(days, p.absentDays) }, { label: '第二次通知', value: `${sentOn} 发出，期限 ${deadline.slice(5)} 已过` }], key, h5Url }),
      });
      return 'union';
    });
    if (moved === 'second') summary.secondNoticePrompts++;
    if (moved === 'union') summary.unionPrompts++;
  }

  const leaving = await deps.db.exitProcess.findMany({ where: { kind: { in: [...DATED_EXIT_KINDS] }, state: { in: ['REQUESTED', 'ACCEPTED'] }, exitDate: { lte: parseDay(o.asOf) } }, select: { id: true } });
  for (const { id } of leaving) {
    await deps.db.$transaction((tx) => completeExitInTx(deps, tx, { processId: id, actor: o.actor, today: o.asOf }));
    summary.completed++;
  }
  return summary;
}
