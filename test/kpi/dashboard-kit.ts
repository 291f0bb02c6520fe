// A hand-built roster for the KPI tests, today 2026-12-07 (Asia/Shanghai). Tree: 集团 → 销售部 →
// 华东组, 集团 → 技术部. Every figure the tests expect is worked out next to the hire it comes from.
import type { TestDb } from '../helpers/test-db.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { storeNationalDefaultPolicy, TEST_CITY } from '../helpers/national-default-policy.ts';

const at = (iso: string) => new Date(`${iso}T04:00:00Z`);

export async function seedKpiRoster(t: TestDb) {
  const group = await t.db.department.create({ data: { name: '集团' } });
  const sales = await t.db.department.create({ data: { name: '销售部', parentId: group.id } });
  await t.db.department.create({ data: { name: '华东组', parentId: sales.id } });
  const tech = await t.db.department.create({ data: { name: '技术部', parentId: group.id } });
  const hire = (department: string, startDate: string, more: Record<string, unknown> = {}) => makeEmployee(t.deps, { department, startDate, ...more });
  // A: start 10-02, day 30 = 11-01 (Sunday) → deadline 11-02 (the 1st rolled forward); enrolled 11-02: on time, 31 days, back-pay (Oct paid in Nov),
  // priced at the national default rates on a wage of ¥10,000.00: 34.2 % of 1,000,000 fen = 342,000 fen plus the late fee.
  await storeNationalDefaultPolicy(t.db);
  const a = await hire('华东组', '2026-10-02', { enrolledOn: '2026-11-02', insuredCity: TEST_CITY, monthlyWage: 1_000_000 });
  // B: start 10-20 → deadline 11-19; enrolled 11-20: late, 31 days, back-pay of October.
  const b = await hire('销售部', '2026-10-20', { enrolledOn: '2026-11-20' });
  // C: start 10-31 → 11-30 (Monday); never enrolled: late.
  const c = await hire('技术部', '2026-10-31');
  // D: start 11-01 → deadline 12-01: a December figure, not November's; back-pay in December.
  const d = await hire('技术部', '2026-11-01', { enrolledOn: '2026-12-01' });
  // E: start 10-09 → 11-08 (Sunday) → 11-09; enrolled 10-15 by an enrolment row: on time, 6 days.
  const e = await hire('技术部', '2026-10-09');
  await t.db.enrolment.create({ data: { employeeId: e.id, insuranceType: 'PENSION', enrolledOn: new Date('2026-10-15'), source: 'manual' } });
  // F: start 10-16 → 11-15 (Sunday) → 11-16; left 11-10 never enrolled: late, still owed; not employed at 11-30.
  const f = await hire('销售部', '2026-10-16', { status: 'EXITED', exitDate: '2026-11-10' });
  // G: the group's own long-serving employee, enrolled per the roster.
  await hire('集团', '2020-01-02', { enrolledOn: '2020-01-15' });
  // H: an approved lawful exception (retired re-hire) since 2025, re-verification due 11-20.
  const h = await hire('技术部', '2025-05-06');
  await t.db.insuranceException.create({ data: { employeeId: h.id, kind: 'RETIRED_REHIRE', reasonCategory: 'RETIRED_PENSIONER', status: 'APPROVED', reverifyOn: new Date('2026-11-20'), createdAt: at('2025-05-06') } });
  // I: signed a waiver (void): remediation open, not covered; an absence case open.
  const i = await hire('技术部', '2025-06-03', { enrolledOn: null });
  await t.db.insuranceException.create({ data: { employeeId: i.id, kind: 'WAIVER_REQUEST', reasonCategory: 'WAIVER', status: 'REMEDIATION', createdAt: at('2026-11-03') } });
  await t.db.absenceCase.create({ data: { uniqueKey: `kpi-${i.id}`, employeeId: i.id, trigger: 'attendance', firstAbsentDay: new Date('2026-11-02'), lastCheckedDay: new Date('2026-11-05'), absentDays: 3, managerDueAt: at('2026-11-07'), createdAt: at('2026-11-05') } });
  // J: start 09-15 → deadline 10-15; enrolled 10-14: October's only deadline hire, on time, 29 days, back-pay of September.
  await hire('技术部', '2026-09-15', { enrolledOn: '2026-10-14' });
  // Alerts open at 11-30: C at day 28 (its day-23 alert too, counted once), D at day 23, F overdue; B's was resolved.
  const alert = (employeeId: string, stage: string, created: string, resolved?: string) =>
    t.db.alert.create({ data: { kind: 'enrolment', stage, uniqueKey: `enrolment:${employeeId}:${stage}`, employeeId, dueOn: new Date(created), createdAt: at(created), resolvedAt: resolved ? at(resolved) : null, state: resolved ? 'RESOLVED' : 'OPEN' } });
  await alert(c.id, 'day23', '2026-11-23');
  await alert(c.id, 'day28', '2026-11-27');
  await alert(d.id, 'day23', '2026-11-24');
  await alert(f.id, 'overdue-1', '2026-11-17');
  await alert(b.id, 'day23', '2026-11-12', '2026-11-20');
  // F's exit: open, one task overdue at 11-30 (due 11-25), one due on 11-30 itself (not yet overdue).
  const exit = await t.db.exitProcess.create({ data: { employeeId: f.id, kind: 'RESIGNATION', state: 'EXITED', createdById: 'test', createdAt: at('2026-11-01') } });
  for (const [kind, dueOn] of [['separation_certificate', '2026-11-25'], ['stop_contributions', '2026-11-30']] as const) {
    await t.db.exitTask.create({ data: { processId: exit.id, employeeId: f.id, kind, title: kind, legalBasis: '《劳动合同法》第五十条', dueOn: new Date(dueOn), uniqueKey: `kpi-${kind}`, createdAt: at('2026-11-10') } });
  }
  // November reconciliation: two 在职未参保 tasks, one closed on 11-20.
  await t.db.reconciliationTask.create({ data: { kind: 'active_not_insured', uniqueKey: `kpi-r-${c.id}`, employeeId: c.id, month: '2026-11', details: {}, dueOn: new Date('2026-12-05'), createdAt: at('2026-11-15') } });
  await t.db.reconciliationTask.create({ data: { kind: 'active_not_insured', uniqueKey: `kpi-r-${i.id}`, employeeId: i.id, month: '2026-11', details: {}, dueOn: new Date('2026-12-05'), state: 'DONE', createdAt: at('2026-11-15'), closedAt: at('2026-11-20') } });
  return { group, sales, tech, a };
}
