// Which open legal deadlines a change of the statutory calendar moves: the enrolment deadline of
// every hire not yet enrolled (社会保险法 第五十八条) and the open exit-checklist items counted in
// days from the exit (失业保险条例 第十六条, 劳动合同法 第五十条). Computed before a notice is applied,
// so HR sees what changes; the exit items' stored due days are moved with it.
import type { Tx } from '../../db/client.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { formatDay } from '../../domain/dates.ts';
import { enrolmentSchedule } from '../../domain/enrolment/enrolment-schedule.ts';
import type { EnrolmentRules } from '../../domain/enrolment/enrolment-rules.ts';
import { planExitChecklist } from '../../domain/exits/exit-checklist.ts';
import { enrolmentCandidatePages } from '../enrolment/find-enrolment-candidates.ts';

export interface MovedDeadline {
  kind: 'enrolment' | 'exit_task';
  /** The exit task's id (exit_task only). */
  taskId?: string;
  employeeName: string;
  /** 社保增员 or the checklist item's title. */
  what: string;
  before: string;
  after: string;
}

/** @example await findMovedDeadlines(tx, { rules, before, after }) // [{ kind: 'enrolment', employeeName: '张三', before: '2027-02-08', after: '2027-02-18' }] */
export async function findMovedDeadlines(tx: Tx, o: { rules: EnrolmentRules; before: WorkCalendar; after: WorkCalendar }): Promise<MovedDeadline[]> {
  const moved: MovedDeadline[] = [];
  for await (const hires of enrolmentCandidatePages(tx, { asOf: '9999-12-31' })) {
    for (const hire of hires) {
      const start = formatDay(hire.clockStart) as string;
      const was = enrolmentSchedule(start, o.before, o.rules).legalDeadline;
      const now = enrolmentSchedule(start, o.after, o.rules).legalDeadline;
      if (was !== now) moved.push({ kind: 'enrolment', employeeName: hire.name, what: '社保增员', before: was, after: now });
    }
  }
  const tasks = await tx.exitTask.findMany({
    where: { state: 'OPEN', kind: { in: ['unemployment_report', 'transfer_files'] }, process: { exitDate: { not: null } } },
    select: { id: true, kind: true, title: true, dueOn: true, process: { select: { exitDate: true, employeeId: true } } },
    take: 10_000,
  });
  const names = new Map((await tx.employee.findMany({ where: { id: { in: tasks.map((t) => t.process.employeeId) } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  for (const task of tasks) {
    const exitDate = formatDay(task.process.exitDate) as string;
    const now = planExitChecklist(exitDate, o.after).find((p) => p.kind === task.kind)?.dueOn;
    const was = formatDay(task.dueOn) as string;
    if (now && now !== was) moved.push({ kind: 'exit_task', taskId: task.id, employeeName: names.get(task.process.employeeId) ?? '', what: task.title, before: was, after: now });
  }
  return moved;
}
