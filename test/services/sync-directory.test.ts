import { describe, expect, it } from 'vitest';
import { syncDirectory } from '../../src/services/directory/sync-directory.ts';
import { makeEmployee, testAdmin } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();

describe('directory sync', () => {
  it('links by employee number or mobile, reports the unmatched, and never creates employees', async () => {
    const byNo = await makeEmployee(t.deps, { employeeNo: 'D001' });
    const byMobile = await makeEmployee(t.deps, { employeeNo: 'D002', mobile: '13811112222' });
    const employeesBefore = await t.db.employee.count();
    const users = [
      { userId: 'zhangsan', name: '张三', employeeNo: 'D001' },
      { userId: 'lisi', name: '李四', mobile: '+86 138-1111-2222' },
      { userId: 'stranger', name: '外包王五', mobile: '13900000000' },
    ];
    const first = await syncDirectory(t.deps, { actor: testAdmin, platform: 'wecom', users });
    expect(first).toEqual({ linked: 2, alreadyLinked: 0, unmatched: [{ userId: 'stranger', name: '外包王五' }], conflicts: [] });
    const identities = await t.db.platformIdentity.findMany({ where: { platform: 'wecom' }, orderBy: { userId: 'asc' } });
    expect(identities.map((i) => [i.userId, i.employeeId])).toEqual([['lisi', byMobile.id], ['zhangsan', byNo.id]]);
    expect(await t.db.employee.count()).toBe(employeesBefore);

    const again = await syncDirectory(t.deps, { actor: testAdmin, platform: 'wecom', users });
    expect(again).toMatchObject({ linked: 0, alreadyLinked: 2 });
    expect(await t.db.platformIdentity.count({ where: { platform: 'wecom' } })).toBe(2);
  });

  it('reports a second account for an already linked employee as a conflict instead of re-linking', async () => {
    await makeEmployee(t.deps, { employeeNo: 'D003' });
    await syncDirectory(t.deps, { actor: testAdmin, platform: 'dingtalk', users: [{ userId: 'dt-1', name: '赵六', employeeNo: 'D003' }] });
    const result = await syncDirectory(t.deps, { actor: testAdmin, platform: 'dingtalk', users: [{ userId: 'dt-2', name: '赵六', employeeNo: 'D003' }] });
    expect(result.conflicts).toEqual([{ userId: 'dt-2', name: '赵六', reason: '该员工已绑定账号 dt-1' }]);
    expect(result.linked).toBe(0);
  });

  it('writes one audit event per run with the counts', async () => {
    const events = await t.db.auditEvent.findMany({ where: { type: 'directory.synced' }, orderBy: { seq: 'asc' } });
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events[0]?.data).toMatchObject({ platform: 'wecom', linked: 2, unmatched: 1 });
  });
});
