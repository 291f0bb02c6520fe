// HR's 待增员 list: every hire the enrolment sweep would remind about (find-enrolment-candidates.ts),
// with the legal deadline (社会保险法 第五十八条: 自用工之日起三十日内; 民法典 第二百零一条、第二百零三条
// on the legal calendar) and the days left, the overdue first, then the nearest deadline.
import type { Actor } from '../../domain/actor.ts';
import { daysBetween } from '../../domain/calendar/day-math.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { enrolmentSchedule } from '../../domain/enrolment/enrolment-schedule.ts';
import { statusLabels } from '../../domain/lifecycle.ts';
import { authorize } from '../../domain/permissions.ts';
import type { PendingEnrolment, PendingEnrolmentList } from '../../domain/enrolment/pending-enrolment-types.ts';
import type { ServiceDeps } from '../deps.ts';
import { enrolmentCandidatePages } from './find-enrolment-candidates.ts';
import { loadEnrolmentSettings } from './load-enrolment-settings.ts';

/** Bounded: a company with more unenrolled hires than this has a bigger problem than a list. */
const MAX_ITEMS = 2000;

/** @example const { items } = await listPendingEnrolments(deps, { actor }); items[0].overdue // true */
export async function listPendingEnrolments(deps: ServiceDeps, opts: { actor: Actor }): Promise<PendingEnrolmentList> {
  authorize(opts.actor, 'enrolment.record');
  const today = dayIn(deps.businessTz, deps.now());
  const settings = await loadEnrolmentSettings(deps.db);
  const items: PendingEnrolment[] = [];
  for await (const batch of enrolmentCandidatePages(deps.db, { asOf: today })) {
    for (const c of batch) {
      const clockStart = formatDay(c.clockStart) as string;
      const s = enrolmentSchedule(clockStart, settings.calendar, { ...settings.rules, cutoffDay: settings.cutoffDayFor(c.insuredCity, clockStart) });
      const daysLeft = daysBetween(today, s.legalDeadline);
      items.push({
        employeeId: c.id, employeeNo: c.employeeNo, name: c.name, department: c.department, statusLabel: statusLabels[c.status as keyof typeof statusLabels] ?? '',
        startDate: formatDay(c.startDate) as string, clockStart, legalDeadline: s.legalDeadline,
        practicalDeadline: s.practicalDeadline === s.legalDeadline ? null : s.practicalDeadline, daysLeft, overdue: daysLeft < 0,
      });
    }
    if (items.length >= MAX_ITEMS) break;
  }
  items.sort((a, b) => a.daysLeft - b.daysLeft || a.employeeNo.localeCompare(b.employeeNo));
  return { today, items, legalBasis: '《社会保险法》第五十八条：用人单位应当自用工之日起三十日内为其职工申请办理社会保险登记' };
}
