import { describe, expect, it } from 'vitest';
import { transitions } from '../../src/domain/lifecycle.ts';
import type { EmployeeStatus } from '../../src/generated/prisma/client.ts';
import { transitionEmployeeStatus } from '../../src/services/employees/transition-employee-status.ts';
import { makeEmployee, testAdmin } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const statuses = Object.keys(transitions) as EmployeeStatus[];
const pairs = statuses.flatMap((from) => statuses.filter((to) => to !== from).map((to) => [from, to] as const));

describe('employee lifecycle', () => {
  it.each(pairs)('from %s to %s follows the transition table', async (from, to) => {
    const e = await makeEmployee(t.deps, { status: from, exitDate: from === 'EXITED' ? '2026-03-01' : undefined });
    const move = () =>
      transitionEmployeeStatus(t.deps, { actor: testAdmin, id: e.id, to, reason: '测试变更', exitDate: to === 'EXITED' ? '2026-06-30' : undefined });
    const history = () => t.db.statusChange.count({ where: { employeeId: e.id } });
    const audits = () => t.db.auditEvent.count({ where: { subjectId: e.id, type: 'employee.status_changed' } });

    if (transitions[from][to]) {
      const after = await move();
      expect(after.status).toBe(to);
      expect(await history()).toBe(2);
      expect(await audits()).toBe(1);
    } else {
      await expect(move()).rejects.toMatchObject({ code: 'illegal_transition', status: 409 });
      const row = await t.db.employee.findUniqueOrThrow({ where: { id: e.id } });
      expect(row.status).toBe(from);
      expect(row.version).toBe(0);
      expect(await history()).toBe(1);
      expect(await audits()).toBe(0);
    }
  });

  it('answers a repeated identical move idempotently without a second history row', async () => {
    const e = await makeEmployee(t.deps, { status: 'ACTIVE' });
    await transitionEmployeeStatus(t.deps, { actor: testAdmin, id: e.id, to: 'UNPAID_LEAVE', reason: '停薪留职协议' });
    const again = await transitionEmployeeStatus(t.deps, { actor: testAdmin, id: e.id, to: 'UNPAID_LEAVE', reason: '停薪留职协议' });
    expect(again.status).toBe('UNPAID_LEAVE');
    expect(await t.db.statusChange.count({ where: { employeeId: e.id } })).toBe(2);
  });

  it('lets only one of two concurrent moves from the same status win', async () => {
    const e = await makeEmployee(t.deps, { status: 'ACTIVE' });
    const results = await Promise.allSettled([
      transitionEmployeeStatus(t.deps, { actor: testAdmin, id: e.id, to: 'PENDING_EXIT', reason: '员工辞职', expectedStatus: 'ACTIVE' }),
      transitionEmployeeStatus(t.deps, { actor: testAdmin, id: e.id, to: 'ABSCONDED', reason: '连续旷工', expectedStatus: 'ACTIVE' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await t.db.statusChange.count({ where: { employeeId: e.id } })).toBe(2);
  });

  it('requires an exit date to reach EXITED', async () => {
    const e = await makeEmployee(t.deps, { status: 'PENDING_EXIT' });
    await expect(transitionEmployeeStatus(t.deps, { actor: testAdmin, id: e.id, to: 'EXITED', reason: '最后工作日' })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
