// An enrolment alert: the hire it is about, the stage that fell due, and the keys that make each
// alert and each card unique (a rerun of the sweep finds them and sends nothing twice).
import { formatDay } from '../dates.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { DueStage, EnrolmentSchedule } from './enrolment-schedule.ts';

export const ENROLMENT_ALERT_KIND = 'enrolment';

export interface EnrolmentCandidate {
  id: string;
  employeeNo: string;
  name: string;
  startDate: Date;
  /** COALESCE(enrolmentClockFrom, startDate): the day the 30-day clock runs from. */
  clockStart: Date;
  /** Set when the clock was restarted (part of the alert and card keys, so it gets fresh alerts). */
  clockFrom: Date | null;
  insuredCity: string | null;
  department: string;
  status: string;
  /** The line manager, who receives the alert when HR chose so (docs/notifications.md). */
  managerId: string | null;
}

export interface DueAlert {
  hire: EnrolmentCandidate;
  schedule: EnrolmentSchedule;
  due: DueStage;
}

/** `enrolment:<employee>:<stage>`, or `enrolment:<employee>:<clock start>:<stage>` for a restarted clock. */
export function enrolmentAlertKey(employeeId: string, stage: string, clockFrom?: Date | null): string {
  return clockFrom ? `${ENROLMENT_ALERT_KIND}:${employeeId}:${formatDay(clockFrom)}:${stage}` : `${ENROLMENT_ALERT_KIND}:${employeeId}:${stage}`;
}

/**
 * `enr-<employee uuid without dashes>-<stage>-<platform>`: valid as task_id and outTrackId. A
 * restarted clock (Employee.enrolmentClockFrom) adds its day, `enr-<id>-<YYYYMMDD>-<stage>-<platform>`.
 */
export function enrolmentCardKey(employeeId: string, stage: string, platform: Platform, clockFrom?: Date | null): string {
  const clock = clockFrom ? `${clockFrom.toISOString().slice(0, 10).replaceAll('-', '')}-` : '';
  return `enr-${employeeId.replaceAll('-', '')}-${clock}${stage}-${platform}`;
}
