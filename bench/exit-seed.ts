// Exits for the exit-task-reminders bench, set-based on top of seedRoster: 1 % of the roster left
// ten days before asOf (a RESIGNATION process in EXITED) with the 第五十条 checklist of four tasks —
// two overdue (reminded and escalated), one due on asOf (reminded), one due in a month (left
// alone). Everyone gets a birth date 22–63 years back and a sex, the women a 退休类别 (half 女职工,
// half 女干部), so the retirement reminders find those reaching the statutory age within the month
// (≈ 0.4 % of the roster: one or two birth months per category of the 42 years).
import pg from 'pg';
import { addDays } from '../src/domain/dates.ts';

export const EXIT_PER_CENT = 1;

const TASKS = [
  ['separation_certificate', '出具解除或者终止劳动合同的证明', -3],
  ['stop_contributions', '办理社会保险关系转移（停保）', -1],
  ['final_wages', '结清工资', 0],
  ['contract_retention', '保存劳动合同文本（至少二年）', 30],
] as const;

export async function seedExits(url: string, asOf: string): Promise<{ exits: number; tasks: number; dueTasks: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE "Employee" SET "birthDate" = $1::date - (22 * 365 + abs(hashtext(id::text)) % (42 * 365)),
      sex = (CASE WHEN abs(hashtext(id::text || 's')) % 2 = 0 THEN 'male' ELSE 'female' END)::"Sex"`, [asOf]);
    await client.query(`UPDATE "Employee" SET "retirementCategory" = (CASE WHEN abs(hashtext(id::text || 'c')) % 2 = 0 THEN 'female_worker' ELSE 'female_cadre' END)::"RetirementCategory" WHERE sex = 'female'`);
    await client.query(`INSERT INTO "RoleAssignment" (id, "employeeId", role) SELECT gen_random_uuid(), "employeeId", 'HR_MANAGER' FROM "RoleAssignment" WHERE role = 'HR_SPECIALIST'`);
    const exitDate = addDays(asOf, -10);
    const leavers = `"employeeNo" LIKE 'B%' AND substr("employeeNo", 2)::int % 100 < ${EXIT_PER_CENT} AND status = 'ACTIVE'`;
    await client.query(`UPDATE "Employee" SET status = 'EXITED', "exitDate" = $1::date WHERE ${leavers}`, [exitDate]);
    const exits = await client.query(
      `INSERT INTO "ExitProcess" (id, "employeeId", kind, state, "requestedOn", "noticeDays", "exitDate", "createdById", "updatedAt")
       SELECT gen_random_uuid(), id, 'RESIGNATION', 'EXITED', $1::date - 30, 30, $1::date, 'bench', now() FROM "Employee" WHERE "exitDate" = $1::date`,
      [exitDate],
    );
    const values = TASKS.map((_, i) => `($${i * 3 + 2}::text, $${i * 3 + 3}::text, $${i * 3 + 4}::int)`).join(', ');
    const tasks = await client.query(
      `INSERT INTO "ExitTask" (id, "processId", "employeeId", kind, title, "legalBasis", "dueOn", "uniqueKey")
       SELECT gen_random_uuid(), p.id, p."employeeId", t.kind, t.title, '《劳动合同法》第五十条', $1::date + t.offs, p.id || ':' || t.kind
       FROM "ExitProcess" p CROSS JOIN (VALUES ${values}) AS t(kind, title, offs)`,
      [asOf, ...TASKS.flat()],
    );
    await client.query('ANALYZE');
    return { exits: exits.rowCount ?? 0, tasks: tasks.rowCount ?? 0, dueTasks: ((tasks.rowCount ?? 0) * 3) / 4 };
  } finally {
    await client.end();
  }
}
