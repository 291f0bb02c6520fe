import { enrolFromRoster } from '../enrolment/enrol-from-roster.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { buildDemoRoster } from './demo-roster.ts';
import { buildDemoRows } from './demo-rows.ts';
import { seedDemoClockIns } from './seed-demo-clock-ins.ts';
import { loadAttendanceSettings } from '../absence/load-attendance-settings.ts';
import { DEMO_WORK_SITE } from './demo-work-site.ts';
import { buildDemoHistory, type DemoHistoryPerson } from './demo-history.ts';
import type { DemoRoster } from './demo-roster.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

/** Set once the demo company exists; its presence alone makes seeding a no-op. */
export const DEMO_SEEDED_KEY = 'demo.seededAt';

export interface SeedDemoResult {
  seeded: boolean;
  employees: number;
  departments: number;
  message: string;
}

/**
 * Creates the demo company (demo-roster.ts) and its past weeks of clock-ins in one transaction, unless the database already
 * holds employees or a previous demo: real data is never mixed with demo people.
 * @example
 * const result = await seedDemoCompany(deps, { actor: systemActor('cli', '命令行') });
 * result.message; // '已生成演示公司：64 名员工，6 个部门'
 */
export async function seedDemoCompany(deps: ServiceDeps, opts: { actor: Actor; today?: string }): Promise<SeedDemoResult> {
  const now = deps.now();
  const today = opts.today ?? dayIn(deps.businessTz, now);
  const roster = buildDemoRoster(today);
  return deps.db.$transaction(async (tx) => {
    // Inserting the key first serialises two seeders: the second blocks on it, then finds it taken.
    const empty = (await tx.employee.count()) === 0;
    const claimed = empty && (await tx.appMeta.createMany({ data: [{ key: DEMO_SEEDED_KEY, value: now.toISOString() }], skipDuplicates: true })).count === 1;
    if (!claimed) {
      const employees = await tx.employee.count();
      const departments = await tx.department.count();
      return { seeded: false, employees, departments, message: `已有数据（${employees} 名员工），未重复导入演示数据` };
    }
    // Departments may outlive their employees; reuse any with the same name.
    await tx.department.createMany({ data: roster.departments.map((name) => ({ name })), skipDuplicates: true });
    const departmentRows = await tx.department.findMany({ where: { name: { in: roster.departments } }, select: { id: true, name: true } });
    const departmentIds = new Map(departmentRows.map((d) => [d.name, d.id]));
    const rows = buildDemoRows(roster, { cipher: deps.cipher, actor: opts.actor, now, departmentIds });
    await tx.employee.createMany({ data: rows.employees });
    await tx.statusChange.createMany({ data: rows.statusChanges });
    await tx.roleAssignment.createMany({ data: rows.roles });
    await tx.platformIdentity.createMany({ data: rows.identities });
    await tx.auditEvent.createMany({ data: rows.audits });
    await enrolFromRoster(tx, opts.actor, rows.employees.map((e) => e.employeeNo));
    await tx.workSite.createMany({ data: [DEMO_WORK_SITE], skipDuplicates: true });
    const site = await tx.workSite.findFirstOrThrow({ where: { name: DEMO_WORK_SITE.name }, select: { id: true } });
    const { calendar } = await loadAttendanceSettings(tx);
    const absentEmployeeNo = roster.people.find((p) => p.scenario === 'absent')?.employeeNo;
    await seedDemoClockIns(tx, { today, calendar, businessTz: deps.businessTz, absentEmployeeNo, siteId: site.id });
    const history = buildDemoHistory({ people: historyPeople(roster, rows.employees), hr: hrSpecialist(roster, rows.employees), today, now, calendar });
    await tx.employeeQuestion.createMany({ data: history.questions });
    await tx.quizAttempt.createMany({ data: history.attempts });
    await tx.pointAward.createMany({ data: history.awards });
    const counts = { employees: rows.employees.length, departments: roster.departments.length };
    await writeAuditEvent(tx, opts.actor, { type: 'demo.seeded', data: counts }, { type: 'company', id: 'demo' });
    return { seeded: true, ...counts, message: `已生成演示公司：${counts.employees} 名员工，${counts.departments} 个部门` };
  });
}

type EmployeeRow = Prisma.EmployeeCreateManyInput;

/** The people at work (not on leave, not gone) who ask questions and take the quiz. */
function historyPeople(roster: DemoRoster, employees: EmployeeRow[]): DemoHistoryPerson[] {
  return roster.people.map((p) => {
    const row = employees.find((e) => e.employeeNo === p.employeeNo) as EmployeeRow;
    return { id: row.id as string, name: p.name, departmentId: row.departmentId as string, startDate: p.startDate, atWork: p.status === 'ACTIVE' || p.status === 'PENDING_EXIT' };
  });
}

/** The first 人事专员 answers the demo questions. */
function hrSpecialist(roster: DemoRoster, employees: EmployeeRow[]): { id: string; name: string } {
  const hr = roster.people.find((p) => p.roles.includes('HR_SPECIALIST'));
  const row = employees.find((e) => e.employeeNo === hr?.employeeNo);
  if (!hr || !row?.id) throw new Error('the demo roster has no HR specialist');
  return { id: row.id, name: hr.name };
}
