// Back-pay (补缴) events of a range of months: a hire first enrolled in a later month than the one
// their clock started in, so each month from the start month to the month before enrolment was
// paid late (社会保险法 第五十八条、第八十六条). One row per event, bounded; the event belongs to
// the month of the enrolment.
import type { Db } from '../../db/client.ts';
import { parseDay } from '../../domain/dates.ts';
import { lastDayOf } from '../../domain/money/months.ts';
import { departmentBuckets } from './department-buckets.ts';
import { FIRST_ENROLMENT } from './first-enrolment.ts';

export interface BackPayEventRow {
  bucket: string;
  /** The month of the enrolment, 'YYYY-MM'. */
  month: string;
  /** The first month paid late, 'YYYY-MM' (the clock's start month). */
  fromMonth: string;
  /** The last month paid late (the month before the enrolment). */
  toMonth: string;
  /** Day of the enrolment, when the back-pay was due at the latest. */
  enrolledOn: string;
  city: string | null;
  wageFen: number | null;
}

/** More events than this in a year is a problem no dashboard solves; the count stays exact up to it. */
const MAX_EVENTS = 5000;

/** @example await findBackPayEvents(db, { departmentId: null, from: '2026-01', to: '2026-12' }) */
export async function findBackPayEvents(db: Db, o: { departmentId: string | null; from: string; to: string }): Promise<BackPayEventRow[]> {
  return db.$queryRaw<BackPayEventRow[]>`
    WITH RECURSIVE ${departmentBuckets(o.departmentId)}, ${FIRST_ENROLMENT}
    SELECT b.bucket_id::text AS bucket, to_char(f.enrolled_on, 'YYYY-MM') AS month, to_char(f.clock_start, 'YYYY-MM') AS "fromMonth",
      to_char(f.enrolled_on - interval '1 month', 'YYYY-MM') AS "toMonth", to_char(f.enrolled_on, 'YYYY-MM-DD') AS "enrolledOn",
      f.city, f.wage_fen AS "wageFen"
    FROM first_enrolment f
    JOIN bucket b ON b.dept_id = f.dept_id
    WHERE f.enrolled_on BETWEEN ${parseDay(`${o.from}-01`)}::date AND ${parseDay(lastDayOf(o.to))}::date
      AND date_trunc('month', f.enrolled_on) > date_trunc('month', f.clock_start)
    ORDER BY f.enrolled_on, f.id
    LIMIT ${MAX_EVENTS}`;
}
