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
    expect(overdue.map((m) => m.recipients.join())).toEqual(Array(4).fill('hr-m'));
    const counts = summaries.map((s) => s.match(/tasks reminded (\d+), escalated (\d+)/)?.slice(1).map(Number) ?? []);
    expect([counts[0]![0]! + counts[1]![0]!, counts[0]![1]! + counts[1]![1]!]).toEqual([6, 4]);
    expect(await t.db.cardInstance.count({ where: { subjectType: 'exit_task' } })).toBe(10);
    expect(await t.db.auditEvent.count({ where: { type: 'exit.task_reminded' } })).toBe(6);
    expect(await t.db.auditEvent.count({ where: { type: 'exit.task_escalated' } })).toBe(4);
    expect(await t.db.auditEvent.count({ where: { type: 'card.sent', data: { path: ['cardKey'], string_starts_with: 'ex-' } } })).toBe(10);
  });
});
