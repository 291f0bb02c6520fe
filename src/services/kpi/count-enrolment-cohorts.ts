// Enrolment timeliness and days to enrol per deadline month and department bucket, in one query.
// The legal deadline of every possible clock-start day is computed once with the sweep's own
// schedule (enrolmentSchedule: 社会保险法 第五十八条; 民法典 第二百零一条、第二百零三条) and joined
// in as an array, so the database does the counting.
import type { Db } from '../../db/client.ts';
import { addDays, parseDay } from '../../domain/dates.ts';
import { enrolmentSchedule } from '../../domain/enrolment/enrolment-schedule.ts';
import { lastDayOf } from '../../domain/money/months.ts';
import type { EnrolmentSettings } from '../enrolment/load-enrolment-settings.ts';
import { departmentBuckets } from './department-buckets.ts';
import { FIRST_ENROLMENT } from './first-enrolment.ts';

export interface EnrolmentCohortRow {
  bucket: string;
  month: string;
  deadlineHires: number;
  enrolledOnTime: number;
  enrolledHires: number;
  enrolDaysSum: number;
}

/** Holidays push a deadline forward by at most this many days past day 30 (春节 is the longest). */
const MAX_ROLL_FORWARD = 15;

/** @example await countEnrolmentCohorts(db, settings, { departmentId: null, from: '2026-01', to: '2026-12', today: '2026-12-07' }) */
export async function countEnrolmentCohorts(db: Db, settings: Pick<EnrolmentSettings, 'rules' | 'calendar'>, o: { departmentId: string | null; from: string; to: string; today: string }): Promise<EnrolmentCohortRow[]> {
  const firstDay = `${o.from}-01`;
  // A deadline still ahead is not yet missed: the current month counts the deadlines up to today.
  const lastDay = lastDayOf(o.to) < o.today ? lastDayOf(o.to) : o.today;
  const starts: string[] = [];
  for (let d = addDays(firstDay, -settings.rules.deadlineDays - MAX_ROLL_FORWARD); d <= addDays(lastDay, -settings.rules.deadlineDays); d = addDays(d, 1)) starts.push(d);
  const deadlines = starts.map((d) => parseDay(enrolmentSchedule(d, settings.calendar, settings.rules).legalDeadline));
  const rows = await db.$queryRaw<{ bucket: string; month: string; hires: number; on_time: number; enrolled: number; days: number }[]>`
    WITH RECURSIVE ${departmentBuckets(o.departmentId)}, ${FIRST_ENROLMENT}
    SELECT b.bucket_id::text AS bucket, to_char(dl.deadline, 'YYYY-MM') AS month, count(*)::int AS hires,
      count(*) FILTER (WHERE f.enrolled_on <= dl.deadline)::int AS on_time,
      count(f.enrolled_on)::int AS enrolled,
      COALESCE(sum(GREATEST(f.enrolled_on - f.clock_start, 0)), 0)::int AS days
    FROM first_enrolment f
    JOIN bucket b ON b.dept_id = f.dept_id
    JOIN unnest(${starts.map(parseDay)}::date[], ${deadlines}::date[]) AS dl(start_day, deadline) ON dl.start_day = f.clock_start
    WHERE dl.deadline BETWEEN ${parseDay(firstDay)}::date AND ${parseDay(lastDay)}::date
    GROUP BY 1, 2`;
  return rows.map((r) => ({ bucket: r.bucket, month: r.month, deadlineHires: r.hires, enrolledOnTime: r.on_time, enrolledHires: r.enrolled, enrolDaysSum: r.days }));
}
