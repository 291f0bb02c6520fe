// The batch guard: one statement changes exactly the rows still in the expected state.
import { describe, expect, it } from 'vitest';
import { compareAndSetMany } from '../../src/services/compare-and-set.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();

describe('compareAndSetMany', () => {
  it('changes the rows still in the expected state and names them; a row changed first is left alone', async () => {
    const a = await makeEmployee(t.deps);
    const b = await makeEmployee(t.deps);
    const c = await makeEmployee(t.deps);
    const ids = [a.id, b.id, c.id];
    await t.db.employee.update({ where: { id: b.id }, data: { status: 'EXITED' } });
    const changed = await compareAndSetMany(t.db.employee, { id: { in: ids }, status: 'ACTIVE' }, { status: 'PENDING_EXIT' });
    expect(changed).toEqual(new Set([a.id, c.id]));
    const rows = await t.db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [a.id]: 'PENDING_EXIT', [b.id]: 'EXITED', [c.id]: 'PENDING_EXIT' });
    expect(await compareAndSetMany(t.db.employee, { id: { in: ids }, status: 'ACTIVE' }, { status: 'PENDING_EXIT' })).toEqual(new Set());
  });
});
