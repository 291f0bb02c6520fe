// Two instances run the exit-task-reminders job for the same day at once: the remindedAt and
// escalatedAt compare-and-set of each batch lets one of them queue each checklist card, once.
import { describe, expect, it } from 'vitest';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { exitCompany } from './exits-kit.ts';

const t = await createTestDb();
const c = await exitCompany(t);
const day = (d: string) => new Date(`${d}T00:00:00Z`);

async function leaverWithChecklist(name: string, ownerId: string | null) {
  const leaver = await makeEmployee(c.deps, { name, status: 'EXITED' });
  const process = await t.db.exitProcess.create({
    data: { employeeId: leaver.id, kind: 'RESIGNATION', state: 'EXITED', requestedOn: day('2026-10-01'), noticeDays: 30, exitDate: day('2026-11-01'), createdById: 'test' },
  });
  // Two overdue (reminded and escalated), one due today (reminded), one later (left alone).
  for (const [kind, dueOn] of [['separation_certificate', '2026-11-09'], ['stop_contributions', '2026-11-10'], ['final_wages', '2026-11-12'], ['contract_retention', '2026-12-12']] as const) {
    await t.db.exitTask.create({
      data: { processId: process.id, employeeId: leaver.id, kind, title: kind, legalBasis: '《劳动合同法》第五十条', dueOn: day(dueOn), uniqueKey: `${process.id}:${kind}`, ownerId },
    });
  }
}

describe('exit-task-reminders on two instances', () => {
  it('sends each reminder and escalation card once when two runs of the same day race', async () => {
    await leaverWithChecklist('周离职', c.hr.employee.id);
    await leaverWithChecklist('吴离职', null);
    c.setNow('2026-11-12 17:30');
    const summaries = await Promise.all([c.job('2026-11-12'), c.job('2026-11-12')]);
    const due = c.cards('exit.task_due');
    const overdue = c.cards('exit.task_overdue');
    expect(due).toHaveLength(6);
    expect(overdue).toHaveLength(4);
    expect(new Set([...due, ...overdue].map((m) => m.dedupeKey)).size).toBe(10);
    // The owner with a chat account is reminded personally; the task without an owner goes to HR.
    expect(due.map((m) => m.recipients.join())).toEqual(Array(6).fill('hr-s'));
    // Each card names the leaver and their department (one read for all leavers).
    const department = (await t.db.employee.findFirstOrThrow({ where: { name: '周离职' }, include: { department: true } })).department.name;
    const shown = (m: (typeof due)[number], label: string) => (m.payload.kind === 'card' ? m.payload.card.rows.find((r) => r.label === label)?.value : undefined);
    expect(due.map((m) => shown(m, '离职员工')).sort()).toEqual([...Array(3).fill('吴离职'), ...Array(3).fill('周离职')]);
    expect(new Set(due.map((m) => shown(m, '部门')))).toEqual(new Set([department]));
    expect(overdue.map((m) => m.recipients.join())).toEqual(Array(4).fill('hr-m'));
    const counts = summaries.map((s) => s.match(/tasks reminded (\d+), escalated (\d+)/)?.slice(1).map(Number) ?? []);
    expect([counts[0]![0]! + counts[1]![0]!, counts[0]![1]! + counts[1]![1]!]).toEqual([6, 4]);
    expect(await t.db.cardInstance.count({ where: { subjectType: 'exit_task' } })).toBe(10);
    expect(await t.db.auditEvent.count({ where: { type: 'exit.task_reminded' } })).toBe(6);
    expect(await t.db.auditEvent.count({ where: { type: 'exit.task_escalated' } })).toBe(4);
    expect(await t.db.auditEvent.count({ where: { type: 'card.sent', data: { path: ['cardKey'], string_starts_with: 'ex-' } } })).toBe(10);
  });
});

describe('exit-task-reminders with more than ten reminders in one run', () => {
  const digests = () => c.cards('exit.task_digest');
  const checklists = async (names: string[], owners: (string | null)[]) => {
    for (const [i, name] of names.entries()) {
      const leaver = await makeEmployee(c.deps, { name, status: 'EXITED' });
      const process = await t.db.exitProcess.create({
        data: { employeeId: leaver.id, kind: 'RESIGNATION', state: 'EXITED', requestedOn: day('2026-11-01'), noticeDays: 30, exitDate: day('2026-12-01'), createdById: 'test' },
      });
      for (const [kind, dueOn] of [['separation_certificate', '2026-12-01'], ['stop_contributions', '2026-12-02'], ['final_wages', '2026-12-04'], ['contract_retention', '2027-01-04']] as const) {
        await t.db.exitTask.create({
          data: { processId: process.id, employeeId: leaver.id, kind, title: kind, legalBasis: '《劳动合同法》第五十条', dueOn: day(dueOn), uniqueKey: `${process.id}:${kind}`, ownerId: owners[i] ?? null },
        });
      }
    }
  };

  it('sends one digest per audience instead of a card per task, and still audits every task', async () => {
    // What earlier checklists owe by then (their 11-12 tasks are overdue now) goes first, on its own.
    c.setNow('2026-12-04 09:00');
    await c.job('2026-12-04');
    // Three leavers: nine reminders (two overdue and one due each) and six escalations.
    await checklists(['甲离职', '乙离职', '丙离职'], [c.hr.employee.id, c.hr.employee.id, null]);
    const before = { due: c.cards('exit.task_due').length, overdue: c.cards('exit.task_overdue').length };
    c.setNow('2026-12-04 17:30');
    expect(await c.job('2026-12-04')).toContain('tasks reminded 9, escalated 6');
    expect([c.cards('exit.task_due').length, c.cards('exit.task_overdue').length]).toEqual([before.due, before.overdue]);
    // The owner and the HR specialists who take unowned tasks are the same person here: one card.
    const cards = digests().map((m) => ({ to: m.recipients.join(), card: m.payload.kind === 'card' ? m.payload.card : undefined }));
    expect(cards.map((x) => x.to).sort()).toEqual(['hr-m', 'hr-s']);
    const toHr = cards.find((x) => x.to === 'hr-s')?.card;
    expect(toHr?.subtitle).toBe('2026-12-04：今日到期 9 项，已逾期 0 项，请在离职清单中逐项办理');
    // Oldest due day first; the three leavers share their due days, so their order is the tasks'.
    const listed = (value = '') => [value.split('：')[0], value.split('：')[1]?.split('、').sort()];
    expect(toHr?.rows.map((r) => r.label)).toEqual(['今日到期']);
    expect(listed(toHr?.rows[0]?.value)).toEqual(['9项（3人）', ['丙离职', '乙离职', '甲离职']]);
    const toManagers = cards.find((x) => x.to === 'hr-m')?.card;
    expect(toManagers?.rows.map((r) => [r.label, r.tone])).toEqual([['已逾期', 'danger']]);
    expect(listed(toManagers?.rows[0]?.value)).toEqual(['6项（3人）', ['丙离职', '乙离职', '甲离职']]);
    expect(toManagers?.tone).toBe('urgent');
    expect(await t.db.auditEvent.count({ where: { type: 'exit.task_reminded', data: { path: ['dueOn'], string_starts_with: '2026-12' } } })).toBe(9);
    expect(await t.db.auditEvent.count({ where: { type: 'exit.task_escalated', data: { path: ['dueOn'], string_starts_with: '2026-12' } } })).toBe(6);
    expect(await t.db.exitTask.count({ where: { dueOn: { lte: day('2026-12-04'), gte: day('2026-12-01') }, remindedAt: null } })).toBe(0);
    // A rerun finds nothing new.
    expect(await c.job('2026-12-04')).toContain('tasks reminded 0, escalated 0');
    expect(digests()).toHaveLength(2);
  });

  it('sends each digest once when two runs of the same day race', async () => {
    await checklists(['丁离职', '戊离职', '己离职'], [null, null, null]);
    c.setNow('2026-12-04 18:00');
    const before = digests().length;
    const summaries = await Promise.all([c.job('2026-12-04'), c.job('2026-12-04')]);
    const counts = summaries.map((s) => s.match(/tasks reminded (\d+), escalated (\d+)/)?.slice(1).map(Number) ?? []);
    expect([counts[0]![0]! + counts[1]![0]!, counts[0]![1]! + counts[1]![1]!]).toEqual([9, 6]);
    expect(digests().length - before).toBe(2);
    expect(new Set(digests().map((m) => m.dedupeKey)).size).toBe(digests().length);
  });
});
