// A roster of N active employees with 30 calendar days of clock-ins, seeded set-based: employees
// in one INSERT … SELECT FROM generate_series, line managers set in one UPDATE, and every
// weekday's clock-in in one INSERT over employees × generate_series(days). A few percent stop
// clocking in a week before the as-of day (they are the absences); one percent stop too but
// have approved leave for those days (they must not be flagged). The clock-ins go into the table
// with its indexes dropped and rebuilt after (21.7 M rows at 1M employees took over 20 minutes
// into the indexed table, past the section's watchdog; rebuilt indexes are compact, which the
// baseline and the job share).
import pg from 'pg';
import { addDays } from '../src/domain/dates.ts';

/** Per hundred employees: i % 100 in [50, 50 + ABSENT_PER_CENT) are absent from ABSENT_DAYS_BACK on. */
export const ABSENT_PER_CENT = 3;
/** Per hundred: i % 100 = 50 + ABSENT_PER_CENT has approved leave over the as-of week instead. */
export const LEAVE_PER_CENT = 1;
export const ATTENDANCE_DAYS = 30;
/** The absent stop clocking in this many calendar days before asOf (a Friday: 5 weekdays plus 2 more). */
const ABSENT_DAYS_BACK = 8;
const LEAVE_DAYS_BACK = 4;
/** One line manager (on the sandbox platform) per this many employees. */
const TEAM_SIZE = 50;

export interface SeededAttendance {
  /** Employees expected to get an absence case. */
  absent: number;
  onLeave: number;
  managers: number;
  attendanceRows: number;
}

/** Seeds `n` ACTIVE employees (employees 1..n/50 manage the rest) and their clock-ins up to `asOf`. */
export async function seedAttendance(url: string, n: number, asOf: string): Promise<SeededAttendance> {
  const managers = Math.max(1, Math.floor(n / TEAM_SIZE));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`INSERT INTO "Department" (id, name) VALUES (gen_random_uuid(), '生产部') RETURNING id`);
    await client.query(
      `INSERT INTO "Employee" (id, "employeeNo", name, "startDate", "departmentId", status, "updatedAt")
       SELECT gen_random_uuid(), 'A' || lpad(i::text, 7, '0'), '员工' || i, DATE '2024-03-01' - i % 500, $2::uuid, 'ACTIVE', now()
       FROM generate_series(1, $1::int) AS i`,
      [n, rows[0]?.id],
    );
    await client.query(
      `UPDATE "Employee" e SET "managerId" = m.id
       FROM "Employee" m
       WHERE substr(e."employeeNo", 2)::int > $1::int AND m."employeeNo" = 'A' || lpad((1 + substr(e."employeeNo", 2)::int % $1::int)::text, 7, '0')`,
      [managers],
    );
    await client.query(
      `INSERT INTO "PlatformIdentity" (id, platform, "userId", "employeeId")
       SELECT gen_random_uuid(), 'sandbox', 'mgr-' || "employeeNo", id FROM "Employee" WHERE substr("employeeNo", 2)::int <= $1::int`,
      [managers],
    );
    await client.query(
      `WITH hr AS (
         INSERT INTO "Employee" (id, "employeeNo", name, "startDate", "departmentId", "updatedAt")
         VALUES (gen_random_uuid(), 'HR0000001', '李专员', DATE '2023-01-01', $1::uuid, now()) RETURNING id
       ), identity AS (
         INSERT INTO "PlatformIdentity" (id, platform, "userId", "employeeId") SELECT gen_random_uuid(), 'sandbox', 'hr-s', id FROM hr
       )
       INSERT INTO "RoleAssignment" (id, "employeeId", role) SELECT gen_random_uuid(), id, 'HR_SPECIALIST' FROM hr`,
      [rows[0]?.id],
    );
    // Everyone clocks in, the HR specialist too (a hire who never clocked in counts as absent).
    // Weekdays only: the window (late October to asOf) holds no statutory holiday or 调休 day.
    const inserted = await withIndexesAfter(client, 'AttendanceRecord', () => client.query(
      `INSERT INTO "AttendanceRecord" (id, "employeeId", day, at, source, "sourceId", kind, flags)
       SELECT gen_random_uuid(), e.id, d::date, (d::date + TIME '01:00') AT TIME ZONE 'UTC', 'wecom', e."employeeNo" || ':' || d::date, '上班', '{}'
       FROM "Employee" e
       CROSS JOIN LATERAL (SELECT CASE WHEN e."employeeNo" LIKE 'A%' THEN substr(e."employeeNo", 2)::int % 100 ELSE 0 END AS slot) s
       CROSS JOIN generate_series($1::date, $2::date, interval '1 day') AS d
       WHERE extract(isodow FROM d) < 6
         AND NOT (s.slot >= 50 AND s.slot < 50 + $3::int AND d >= $4::date)
         AND NOT (s.slot = 50 + $3::int AND d >= $5::date)`,
      [addDays(asOf, -(ATTENDANCE_DAYS - 1)), asOf, ABSENT_PER_CENT, addDays(asOf, -ABSENT_DAYS_BACK), addDays(asOf, -LEAVE_DAYS_BACK)],
    ));
    await client.query(
      `INSERT INTO "LeaveRecord" (id, "employeeId", "fromDay", "toDay", kind, approved, "createdById")
       SELECT gen_random_uuid(), id, $2::date, $3::date, '年假', true, 'bench' FROM "Employee"
       WHERE "employeeNo" LIKE 'A%' AND substr("employeeNo", 2)::int % 100 = 50 + $1::int`,
      [ABSENT_PER_CENT, addDays(asOf, -LEAVE_DAYS_BACK), asOf],
    );
    await client.query('ANALYZE');
    const count = async (slotSql: string) => Number((await client.query<{ c: string }>(`SELECT count(*) AS c FROM "Employee" WHERE "employeeNo" LIKE 'A%' AND ${slotSql}`)).rows[0]?.c ?? 0);
    const slot = `substr("employeeNo", 2)::int % 100`;
    return {
      absent: await count(`${slot} >= 50 AND ${slot} < ${50 + ABSENT_PER_CENT}`),
      onLeave: await count(`${slot} = ${50 + ABSENT_PER_CENT}`),
      managers,
      attendanceRows: inserted.rowCount ?? 0,
    };
  } finally {
    await client.end();
  }
}

/** Runs `load` with the table's primary key and indexes dropped, then builds them again as the migrations define them. */
async function withIndexesAfter<T>(client: pg.Client, table: string, load: () => Promise<T>): Promise<T> {
  const pk = (await client.query<{ name: string; def: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = format('%I', $1::text)::regclass AND contype = 'p'`, [table])).rows[0];
  const indexes = (await client.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1 AND indexname <> $2`, [table, pk?.name ?? ''])).rows;
  if (pk) await client.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${pk.name}"`);
  for (const i of indexes) await client.query(`DROP INDEX "${i.name}"`);
  const loaded = await load();
  await client.query(`SET maintenance_work_mem = '1GB'`);
  if (pk) await client.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${pk.name}" ${pk.def}`);
  for (const i of indexes) await client.query(i.def);
  return loaded;
}
