// Four-eyes on the roster import (issue 13 §1): the import that gave 角色=管理员 to anyone is
// refused with row, column and reason, nothing imported; what an importer may grant goes
// through, audited as employee.roles_changed with one card to the HR managers and admins.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { importEmployees } from '../../src/services/import/import-employees.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { deps, outbox } = withRecordingOutbox(t.deps);
const specialist = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李专员', identities: { sandbox: 'u-s' } });
const manager = await makeActor(t.deps, ['HR_MANAGER'], { name: '王经理', identities: { sandbox: 'u-m', wecom: 'wang-m' } });
await makeActor(t.deps, ['ADMIN'], { name: '钱总', identities: { sandbox: 'u-a' } });

const csv = (...rows: string[]) => Buffer.from(`工号,姓名,入职日期,部门,角色,企业微信UserID\n${rows.join('\n')}\n`);
const run = (who: typeof specialist, buffer: Buffer) => importEmployees(deps, { actor: who.actor, fileName: 'roster.csv', buffer });
const rejection = async (p: Promise<unknown>) => {
  const error = await p.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'import_rejected', status: 422 });
  return (error as AppError).details as { problems: { row: number; column: string; message: string }[] };
};

describe('roster import by an HR specialist', () => {
  it('refuses a row with 角色=管理员, naming row, column and reason, and imports nothing of the file', async () => {
    const before = await t.db.employee.count();
    const details = await rejection(run(specialist, csv('R001,正常员工,2026-03-02,研发部,员工,', 'R002,影子管理员,2026-03-02,研发部,管理员,')));
    expect(details.problems).toEqual([{ row: 3, column: '角色', message: expect.stringMatching(/^你无权授予或取消角色：角色只能由管理员或人事经理在「修改角色」中办理/) }]);
    expect(await t.db.employee.count()).toBe(before);
  });

  it('refuses the importer raising their own roles', async () => {
    const { employeeNo } = specialist.employee;
    const details = await rejection(run(specialist, csv(`${employeeNo},李专员,2026-01-05,研发部,人事专员、人事经理、管理员,`)));
    expect(details.problems).toEqual([{ row: 2, column: '角色', message: '不能修改自己的角色，请由管理员或另一位人事经理办理' }]);
    expect((await t.db.roleAssignment.findMany({ where: { employeeId: specialist.employee.id } })).map((r) => r.role)).toEqual(['HR_SPECIALIST']);
  });

  it('refuses rebinding the WeCom account of an HR manager', async () => {
    const details = await rejection(run(specialist, csv(`${manager.employee.employeeNo},王经理,2026-01-05,研发部,人事经理,li-own-account`)));
    expect(details.problems).toEqual([{ row: 2, column: '企业微信UserID', message: expect.stringContaining('聊天账号绑定只能由管理员修改') }]);
  });

  it('imports a roster that leaves every role as it is', async () => {
    const plain = await makeEmployee(t.deps, { name: '普通员工' });
    const summary = await run(specialist, csv(`${plain.employeeNo},普通员工改名,2026-01-05,研发部,员工,`, `${manager.employee.employeeNo},王经理,2026-01-05,研发部,人事经理,wang-m`));
    expect(summary).toMatchObject({ updated: 1, unchanged: 1 });
  });
});

describe('roster import by an HR manager', () => {
  it('grants 人事专员 to another employee: one roles_changed event per person and one card to the others', async () => {
    const target = await makeEmployee(t.deps, { name: '新专员' });
    outbox.messages.length = 0;
    const summary = await run(manager, csv(`${target.employeeNo},新专员,2026-01-05,研发部,员工、人事专员,`, 'R100,新财务,2026-03-02,财务部,财务,'));
    expect(summary).toMatchObject({ created: 1, updated: 1 });
    const events = await t.db.auditEvent.findMany({ where: { type: 'employee.roles_changed' }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.data)).toEqual([
      { employeeNo: 'R100', before: [], after: ['FINANCE'], reason: '名册导入（roster.csv）', source: 'import' },
      { employeeNo: target.employeeNo, before: ['EMPLOYEE'], after: ['EMPLOYEE', 'HR_SPECIALIST'], reason: '名册导入（roster.csv）', source: 'import' },
    ]);
    const cards = outbox.messages.filter((m) => m.payload.kind === 'card');
    expect(cards.map((m) => m.recipients)).toEqual([['u-a']]);
    const card = cards[0]!.payload.kind === 'card' ? cards[0]!.payload.card : undefined;
    expect(card?.subtitle).toBe('王经理 修改了 2 名员工 的角色，请核对是否符合授权');
  });

  it('refuses 人事经理 in the file, which only an admin grants', async () => {
    const target = await makeEmployee(t.deps);
    const details = await rejection(run(manager, csv(`${target.employeeNo},${target.name},2026-01-05,研发部,人事经理,`)));
    expect(details.problems[0]).toMatchObject({ row: 2, column: '角色', message: expect.stringContaining('「人事经理」角色只能由管理员授予或取消') });
  });
});
