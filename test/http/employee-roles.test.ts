// Four-eyes on roles (issue 13 §1) through the real HTTP stack: the PATCH exploit of the security
// test, the dedicated PUT /employees/:id/roles with its grant rules, its audit event and card.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { deps, outbox } = withRecordingOutbox(t.deps);
const { request, auth } = createTestApp({ ...t, deps });

const people: Record<string, { id: string; headers: Record<string, string> }> = {};
const rolesOf = async (id: string) => (await t.db.roleAssignment.findMany({ where: { employeeId: id } })).map((r) => r.role).sort();

beforeAll(async () => {
  const cast = { specialist: ['HR_SPECIALIST'], manager: ['HR_MANAGER'], manager2: ['HR_MANAGER'], admin: ['ADMIN'] } as const;
  for (const [name, roles] of Object.entries(cast)) {
    const { employee } = await makeActor(t.deps, [...roles], { name, identities: { sandbox: `u-${name}` } });
    const { token } = await createSession(t.deps, { employeeId: employee.id, platform: 'sandbox', method: 'test' });
    people[name] = { id: employee.id, headers: { Authorization: `Bearer ${token}` } };
  }
});

const as = (who: string) => people[who]!.headers;
const putRoles = (id: string, headers: Record<string, string>, body: Record<string, unknown>) => request.put(`/api/v1/employees/${id}/roles`).set(headers).send(body);

describe('the self-granted admin of the security test', () => {
  it('refuses a specialist PATCHing their own roles, keeps them, and keeps the audit log and dead letters closed', async () => {
    const { id, headers } = people.specialist!;
    const res = await request.patch(`/api/v1/employees/${id}`).set(headers).send({ roles: ['HR_SPECIALIST', 'HR_MANAGER', 'ADMIN'] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('请使用「修改角色」');
    expect(await rolesOf(id)).toEqual(['HR_SPECIALIST']);
    expect((await request.get('/api/v1/audit-events').set(headers)).status).toBe(403);
    expect((await request.get('/api/v1/outbox/dead-letters').set(headers)).status).toBe(403);
  });

  it('refuses roles in a PATCH from the admin token too (the dedicated action is the only way)', async () => {
    const other = await makeEmployee(t.deps);
    const res = await request.patch(`/api/v1/employees/${other.id}`).set(auth).send({ position: '出纳', roles: ['FINANCE'] });
    expect(res.status).toBe(400);
    expect(await rolesOf(other.id)).toEqual(['EMPLOYEE']);
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: other.id } })).position).toBeNull();
  });

  it('refuses a specialist on the dedicated action, for themselves and for others', async () => {
    const other = await makeEmployee(t.deps);
    for (const id of [people.specialist!.id, other.id]) {
      const res = await putRoles(id, as('specialist'), { roles: ['EMPLOYEE', 'ADMIN'], reason: '自己授权' });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/只能由管理员或人事经理/);
    }
    expect(await rolesOf(other.id)).toEqual(['EMPLOYEE']);
  });

  it('refuses a specialist creating an employee who is an admin', async () => {
    const res = await request.post('/api/v1/employees').set(as('specialist')).send({ employeeNo: 'SNEAK1', name: '影子', startDate: '2026-03-02', department: '测试部', roles: ['ADMIN'] });
    expect(res.status).toBe(403);
    expect(await t.db.employee.count({ where: { employeeNo: 'SNEAK1' } })).toBe(0);
  });

  it('refuses a specialist rebinding the chat account of an HR manager (signing in as them)', async () => {
    const res = await request.patch(`/api/v1/employees/${people.manager!.id}`).set(as('specialist')).send({ identities: { sandbox: 'u-specialist-2' } });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('聊天账号绑定只能由');
    expect((await t.db.platformIdentity.findFirstOrThrow({ where: { employeeId: people.manager!.id } })).userId).toBe('u-manager');
  });
});

describe('PUT /api/v1/employees/:id/roles', () => {
  it('lets an HR manager grant 人事专员 to someone else: audited with before/after, actor and reason, carded to the other managers and admins', async () => {
    const target = await makeEmployee(t.deps, { name: '新专员' });
    outbox.messages.length = 0;
    const res = await putRoles(target.id, as('manager'), { roles: ['EMPLOYEE', 'HR_SPECIALIST'], reason: '接手社保增员业务' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.roles.sort()).toEqual(['EMPLOYEE', 'HR_SPECIALIST']);
    expect(await rolesOf(target.id)).toEqual(['EMPLOYEE', 'HR_SPECIALIST']);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'employee.roles_changed', subjectId: target.id } });
    expect(event.data).toEqual({ employeeNo: target.employeeNo, before: ['EMPLOYEE'], after: ['EMPLOYEE', 'HR_SPECIALIST'], reason: '接手社保增员业务', source: 'api' });
    expect(event.actor).toMatchObject({ kind: 'employee', id: people.manager!.id, roles: ['HR_MANAGER'] });
    const cards = outbox.messages.filter((m) => m.payload.kind === 'card');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.recipients.sort()).toEqual(['u-admin', 'u-manager2']);
    const card = cards[0]!.payload.kind === 'card' ? cards[0]!.payload.card : undefined;
    expect(card).toMatchObject({ type: 'employee.roles_changed', title: '员工角色已变更', subtitle: 'manager 修改了 新专员 的角色，请核对是否符合授权' });
    expect(card?.rows).toContainEqual({ label: '新角色', value: '员工、人事专员' });
    expect(card?.buttons).toEqual([{ kind: 'link', text: '详情', url: 'http://localhost:3000/app/me' }]);
  });

  it.each([['ADMIN'], ['HR_MANAGER']])('refuses an HR manager granting %s, changing nothing', async (role) => {
    const target = await makeEmployee(t.deps);
    const res = await putRoles(target.id, as('manager'), { roles: ['EMPLOYEE', role], reason: '晋升' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/角色只能由管理员授予或取消/);
    expect(await rolesOf(target.id)).toEqual(['EMPLOYEE']);
    expect(await t.db.auditEvent.count({ where: { type: 'employee.roles_changed', subjectId: target.id } })).toBe(0);
  });

  it('refuses an HR manager touching the roles of another HR manager or an admin', async () => {
    for (const who of ['manager2', 'admin']) {
      const res = await putRoles(people[who]!.id, as('manager'), { roles: [...(await rolesOf(people[who]!.id)), 'FINANCE'], reason: '兼任财务' });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/只能由管理员/);
    }
  });

  it('lets an admin (signed in, or the admin token) grant 人事经理 and take it away again', async () => {
    const target = await makeEmployee(t.deps);
    const grant = await putRoles(target.id, as('admin'), { roles: ['EMPLOYEE', 'HR_MANAGER'], reason: '任命为人事经理' });
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    expect(await rolesOf(target.id)).toEqual(['EMPLOYEE', 'HR_MANAGER']);
    const revoke = await putRoles(target.id, auth, { roles: ['EMPLOYEE'], reason: '调岗' });
    expect(revoke.status).toBe(200);
    expect(await rolesOf(target.id)).toEqual(['EMPLOYEE']);
    const events = await t.db.auditEvent.findMany({ where: { type: 'employee.roles_changed', subjectId: target.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => (e.actor as { kind: string }).kind)).toEqual(['employee', 'admin']);
  });

  it.each(['manager', 'admin'])('refuses the %s changing their own roles', async (who) => {
    const { id } = people[who]!;
    const before = await rolesOf(id);
    const res = await putRoles(id, as(who), { roles: [...before, 'FINANCE'], reason: '给自己加个角色' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('不能修改自己的角色，请由管理员或另一位人事经理办理');
    expect(await rolesOf(id)).toEqual(before);
  });

  it('rejects an unknown role, the derived 直属上级, an empty list and a missing reason with Chinese 400s', async () => {
    const target = await makeEmployee(t.deps);
    for (const body of [{ roles: ['BOSS'], reason: '试试' }, { roles: ['MANAGER'], reason: '试试' }, { roles: [], reason: '试试' }, { roles: ['FINANCE'] }, { roles: ['FINANCE'], reason: ' ' }]) {
      const res = await putRoles(target.id, as('admin'), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.every((d: { message: string }) => /[\u4e00-\u9fff]/.test(d.message))).toBe(true);
    }
    expect(await rolesOf(target.id)).toEqual(['EMPLOYEE']);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await request.get('/api/v1/openapi.json');
    expect(doc.body.paths['/employees/{id}/roles'].put.requestBody.content['application/json'].schema.required).toEqual(['roles', 'reason']);
  });
});
