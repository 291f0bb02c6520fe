// Exit case transitions go through compareAndSet: a move from a stale read is refused and changes
// nothing, and the last checklist item closes an ended case once, with its audit event.
import { describe, expect, it } from 'vitest';
import { completeExitTask } from '../../src/services/exits/complete-exit-task.ts';
import { moveExitProcess } from '../../src/services/exits/lock-exit-process.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { exitCompany } from './exits-kit.ts';

const t = await createTestDb();
const c = await exitCompany(t);
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as { status: number; message: string });

async function endedCase(name: string, state: string, tasks: number) {
  const employee = await makeEmployee(c.deps, { name, startDate: '2024-03-01' });
  const p = await t.db.exitProcess.create({ data: { employeeId: employee.id, kind: 'RESIGNATION', state, createdById: c.hr.employee.id, exitDate: new Date('2026-11-30T00:00:00Z') } });
  for (let i = 0; i < tasks; i++) {
    await t.db.exitTask.create({ data: { processId: p.id, employeeId: employee.id, kind: `task${i}`, title: `事项${i}`, legalBasis: '劳动合同法第五十条', dueOn: new Date('2026-12-15T00:00:00Z'), uniqueKey: `${p.id}:task${i}` } });
  }
  return { p, tasks: await t.db.exitTask.findMany({ where: { processId: p.id }, orderBy: { kind: 'asc' } }) };
}

describe('exit case compare-and-set', () => {
  it('refuses a move from a stale read and leaves the case as it was', async () => {
    const { p } = await endedCase('陈一', 'ACCEPTED', 0);
    await t.db.exitProcess.update({ where: { id: p.id }, data: { version: { increment: 1 } } });
    const refused = await failure(t.db.$transaction((tx) => moveExitProcess(tx, p, 'EXITED')));
    expect(refused).toMatchObject({ status: 409, message: '离职流程已被他人更新，请刷新后重试' });
    expect(await t.db.exitProcess.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ state: 'ACCEPTED', version: 1 });
  });

  it('closes an ended case when its last item is done, once, with an exit.closed event', async () => {
    const { p, tasks } = await endedCase('陈二', 'EXITED', 2);
    await completeExitTask(c.deps, { taskId: tasks[0]!.id, actor: c.hr.actor });
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id: p.id } })).state).toBe('EXITED');
    await completeExitTask(c.deps, { taskId: tasks[1]!.id, actor: c.hr.actor });
    expect(await t.db.exitProcess.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ state: 'CLOSED', version: 1 });
    const events = await t.db.auditEvent.findMany({ where: { type: 'exit.closed', subjectId: p.id } });
    expect(events.map((e) => e.data)).toEqual([{ processId: p.id, from: 'EXITED' }]);
  });

  it('keeps a case that has not ended open when its items are done', async () => {
    const { p, tasks } = await endedCase('陈三', 'ACCEPTED', 1);
    await completeExitTask(c.deps, { taskId: tasks[0]!.id, actor: c.hr.actor });
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id: p.id } })).state).toBe('ACCEPTED');
    expect(await t.db.auditEvent.count({ where: { type: 'exit.closed', subjectId: p.id } })).toBe(0);
  });
});
