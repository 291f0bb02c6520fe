// The grant table of src/domain/role-grants.ts against the permission table: nobody grants a
// role that can do something they cannot, and only ADMIN grants a role equal to its own.
import { describe, expect, it } from 'vitest';
import { adminActor, type Actor } from '../../src/domain/actor.ts';
import { permissionTable, type Action, type Scope } from '../../src/domain/permissions.ts';
import { grantableBy, identityChangeProblem, roleChangeProblem } from '../../src/domain/role-grants.ts';
import type { Role } from '../../src/generated/prisma/enums.ts';

const breadth: Record<Scope, number> = { self: 0, team: 1, all: 2 };
const covers = (granter: Role, granted: Role) =>
  (Object.entries(permissionTable[granted]) as [Action, Scope][]).every(([action, scope]) => {
    const mine = permissionTable[granter][action];
    return mine !== undefined && breadth[mine] >= breadth[scope];
  });
const employee = (id: string, roles: Role[]): Actor => ({ kind: 'employee', id, name: id, roles });

describe('grantableBy', () => {
  it.each(Object.entries(grantableBy) as [Role, Role[]][])('lets %s grant only roles whose every permission it holds', (granter, granted) => {
    for (const role of granted) expect(covers(granter, role), `${granter} → ${role}`).toBe(true);
  });

  it('lets an HR manager grant only roles strictly below their own, and never ADMIN or HR_MANAGER', () => {
    for (const role of grantableBy.HR_MANAGER) expect(covers('HR_MANAGER', role) && !covers(role, 'HR_MANAGER'), role).toBe(true);
    expect(grantableBy.HR_MANAGER).toEqual(['EMPLOYEE', 'HR_SPECIALIST', 'FINANCE']);
    expect(grantableBy.HR_SPECIALIST).toEqual([]);
  });
});

describe('roleChangeProblem', () => {
  const manager = employee('m', ['HR_MANAGER']);
  const specialist = employee('s', ['HR_SPECIALIST']);

  it.each([
    ['an HR manager adding 人事专员', manager, { employeeId: 'x', before: ['EMPLOYEE'], after: ['EMPLOYEE', 'HR_SPECIALIST'] }, undefined],
    ['an HR manager removing 财务', manager, { employeeId: 'x', before: ['EMPLOYEE', 'FINANCE'], after: ['EMPLOYEE'] }, undefined],
    ['the admin token adding 管理员', adminActor(), { employeeId: 'x', before: ['EMPLOYEE'], after: ['ADMIN'] }, undefined],
    ['anyone creating a plain employee', specialist, { before: [], after: ['EMPLOYEE'] }, undefined],
    ['an unchanged list, even one\'s own', specialist, { employeeId: 's', before: ['HR_SPECIALIST'], after: ['HR_SPECIALIST'] }, undefined],
    ['a specialist adding anything', specialist, { employeeId: 'x', before: ['EMPLOYEE'], after: ['FINANCE'] }, /你无权授予或取消角色/],
    ['an HR manager adding 管理员', manager, { employeeId: 'x', before: ['EMPLOYEE'], after: ['EMPLOYEE', 'ADMIN'] }, /「管理员」角色只能由管理员授予或取消/],
    ['an HR manager removing 人事经理', manager, { employeeId: 'x', before: ['HR_MANAGER'], after: ['EMPLOYEE'] }, /「人事经理」角色只能由管理员/],
    ['an HR manager adding 财务 to an admin', manager, { employeeId: 'x', before: ['ADMIN'], after: ['ADMIN', 'FINANCE'] }, /该员工现有「管理员」角色/],
    ['an HR manager adding 员工 to their own roles', manager, { employeeId: 'm', before: ['HR_MANAGER'], after: ['HR_MANAGER', 'EMPLOYEE'] }, /^不能修改自己的角色/],
    ['an admin changing their own roles', employee('a', ['ADMIN']), { employeeId: 'a', before: ['ADMIN'], after: ['ADMIN', 'FINANCE'] }, /^不能修改自己的角色/],
  ] as [string, Actor, { employeeId?: string; before: Role[]; after: Role[] }, RegExp | undefined][])('answers %s', (_name, actor, change, expected) => {
    const problem = roleChangeProblem(actor, change);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeUndefined();
  });

  it('refuses rebinding the chat account of someone holding a role the actor could not grant', () => {
    expect(identityChangeProblem(specialist, ['HR_SPECIALIST'])).toContain('只能由管理员或人事经理修改');
    expect(identityChangeProblem(manager, ['HR_MANAGER'])).toContain('只能由管理员修改');
    expect(identityChangeProblem(manager, ['EMPLOYEE', 'FINANCE'])).toBeUndefined();
    expect(identityChangeProblem(specialist, ['EMPLOYEE', 'MANAGER'])).toBeUndefined();
  });
});
