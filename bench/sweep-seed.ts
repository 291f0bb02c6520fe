// A fresh, migrated database per roster size in the bench cluster, seeded set-based: one
// department, N employees in one INSERT … SELECT FROM generate_series, and one HR specialist
// reachable on the sandbox platform so every new alert has a card recipient.
import pg from 'pg';
import { applyMigrations } from '../src/db/migrate.ts';
import { migrationsDir } from '../src/runtime.ts';

/** Per thousand employees, this many are recent hires on day 20–35 with no enrolment yet (1.5%). */
export const RECENT_PER_MILLE = 15;

/** Creates `<prefix>_<n>` beside the cluster's admin database, migrates it and returns its URL. */
export async function createSweepDatabase(adminUrl: string, n: number, prefix = 'sweep'): Promise<string> {
  const name = `${prefix}_${n}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  await applyMigrations(url, migrationsDir);
  return url;
}

/**
 * Seeds `n` employees as of `asOf` ('YYYY-MM-DD'). Employee i is a recent hire when
 * i % 1000 < RECENT_PER_MILLE: ONBOARDING, started 20–35 days before asOf, enrolledOn NULL.
 * Everyone else started 36–1,095 days before asOf and has enrolledOn = start + 10 days.
 * Returns the number of recent hires (the sweep's candidates).
 */
export async function seedRoster(url: string, n: number, asOf: string): Promise<{ recentHires: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`INSERT INTO "Department" (id, name) VALUES (gen_random_uuid(), '研发部') RETURNING id`);
    const departmentId = rows[0]?.id;
    await client.query(
      `INSERT INTO "Employee" (id, "employeeNo", name, "startDate", "enrolledOn", "departmentId", status, "updatedAt")
       SELECT gen_random_uuid(), 'B' || lpad(i::text, 7, '0'), '员工' || i, s.start,
              CASE WHEN s.recent THEN NULL ELSE s.start + 10 END, $2::uuid,
              (CASE WHEN s.recent THEN 'ONBOARDING' ELSE 'ACTIVE' END)::"EmployeeStatus", now()
       FROM generate_series(1, $1::int) AS i,
            LATERAL (SELECT i % 1000 < ${RECENT_PER_MILLE} AS recent) r,
            LATERAL (SELECT $3::date - CASE WHEN r.recent THEN 20 + i % 16 ELSE 36 + ((i::bigint * 7919) % 1060)::int END AS start, r.recent) s`,
      [n, departmentId, asOf],
    );
    await client.query(
      `WITH hr AS (
         INSERT INTO "Employee" (id, "employeeNo", name, "startDate", "enrolledOn", "departmentId", "updatedAt")
         VALUES (gen_random_uuid(), 'HR0000001', '李专员', $2::date - 1000, $2::date - 990, $1::uuid, now()) RETURNING id
       ), identity AS (
         INSERT INTO "PlatformIdentity" (id, platform, "userId", "employeeId") SELECT gen_random_uuid(), 'sandbox', 'hr-s', id FROM hr
       )
       INSERT INTO "RoleAssignment" (id, "employeeId", role) SELECT gen_random_uuid(), id, 'HR_SPECIALIST' FROM hr`,
      [departmentId, asOf],
    );
    await client.query('ANALYZE');
    const recent = await client.query<{ count: string }>(`SELECT count(*) FROM "Employee" WHERE "enrolledOn" IS NULL`);
    return { recentHires: Number(recent.rows[0]?.count ?? 0) };
  } finally {
    await client.end();
  }
}
