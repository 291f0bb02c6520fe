// What an enrolment reminder card says about one hire on the day it is sent.
import type { EnrolmentCardFacts } from '../../../cards/enrolment-deadline-card.ts';
import { calendarCaveat, incompleteYearsIn } from '../../domain/calendar/calendar-caveat.ts';
import { daysBetween } from '../../domain/calendar/day-math.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { EmployeeStatus } from '../../generated/prisma/enums.ts';
import type { DueAlert } from '../../domain/enrolment/enrolment-alert.ts';

/** Statuses the card names: enrolment stays owed for a hire who is no longer at work (社会保险法 第五十八条). */
const STATUS_NOTES: Partial<Record<EmployeeStatus, string>> = { PENDING_EXIT: '待离职', UNPAID_LEAVE: '停薪留职', ABSCONDED: '自离', EXITED: '已离职' };

/** @example enrolmentCardFacts(due, '2026-12-14', calendar) // { dayNumber: 23, daysLeft: 7, deadline: '2026-12-21', … } */
export function enrolmentCardFacts(d: DueAlert, asOf: string, calendar: WorkCalendar): EnrolmentCardFacts {
  // The deadline depends on the years up to it; an overdue reminder's day also on the years since.
  const until = d.due.kind === 'overdue' ? asOf : d.schedule.legalDeadline;
  const caveat = calendarCaveat(incompleteYearsIn(calendar, d.schedule.startDate, until));
  return {
    name: d.hire.name,
    department: d.hire.department,
    startDate: d.schedule.startDate,
    dayNumber: daysBetween(d.schedule.startDate, asOf),
    restarted: d.hire.clockFrom !== null,
    deadline: d.schedule.legalDeadline,
    practicalDeadline: d.schedule.practicalDeadline,
    daysLeft: daysBetween(asOf, d.schedule.legalDeadline),
    kind: d.due.kind,
    ...(caveat && { calendarCaveat: caveat }),
    ...(STATUS_NOTES[d.hire.status as EmployeeStatus] && { statusNote: STATUS_NOTES[d.hire.status as EmployeeStatus] }),
  };
}
