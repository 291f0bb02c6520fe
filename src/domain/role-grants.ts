// Who may give whom which role (four-eyes: a specialist submits, a manager approves, so nobody
// serves themselves power). Nobody changes their own roles; an HR manager grants or removes only
// the roles whose every permission they hold themselves and which sit below their own
// (HR_SPECIALIST, FINANCE); ADMIN and HR_MANAGER are granted, removed or touched on a holder by an
// admin only (the admin token is an admin). EMPLOYEE is everyone's floor and needs no grant.
// test/domain/role-grants.test.ts checks the table against permissions.ts.
import type { Role } from '../generated/prisma/enums.ts';
import type { Actor } from './actor.ts';
import { roleLabels } from './role-labels.ts';

/** Roles each role may grant to or remove from someone else. MANAGER follows the reporting line (only an admin may clear a stored one). */
export const grantableBy: Record<Role, readonly Role[]> = {
  ADMIN: ['EMPLOYEE', 'MANAGER', 'HR_SPECIALIST', 'FINANCE', 'HR_MANAGER', 'ADMIN'],
  HR_MANAGER: ['EMPLOYEE', 'HR_SPECIALIST', 'FINANCE'],
  HR_SPECIALIST: [],
  FINANCE: [],
  MANAGER: [],
  EMPLOYEE: [],
};

/** Roles the change endpoint takes (MANAGER is derived from 直属上级). */
export const assignableRoles = ['EMPLOYEE', 'HR_SPECIALIST', 'FINANCE', 'HR_MANAGER', 'ADMIN'] as const satisfies readonly Role[];

export const WHO_CHANGES_ROLES = '角色只能由管理员或人事经理在「修改角色」中办理（人事经理可授予或取消人事专员、财务；管理员、人事经理只能由管理员授予或取消）';

export function grantableRoles(actor: Actor): Set<Role> {
  return new Set(actor.roles.flatMap((r) => grantableBy[r]));
}

/** The roles that differ between `before` and `after`, EMPLOYEE left out (it grants nothing). */
export function changedRoles(before: readonly Role[], after: readonly Role[]): Role[] {
  const diff = [...before.filter((r) => !after.includes(r)), ...after.filter((r) => !before.includes(r))];
  return [...new Set(diff)].filter((r) => r !== 'EMPLOYEE');
}

const labels = (roles: Role[]) => roles.map((r) => `「${roleLabels[r]}」`).join('');

/**
 * Why `actor` may not move `employeeId` from `before` to `after` (a sentence saying who can), or
 * undefined when they may. Creating an employee is `before: []`.
 *
 * @example roleChangeProblem(hrManager, { employeeId, before: ['EMPLOYEE'], after: ['EMPLOYEE', 'ADMIN'] })
 *   // → '「管理员」角色只能由管理员授予或取消…'
 */
export function roleChangeProblem(actor: Actor, change: { employeeId?: string; before: readonly Role[]; after: readonly Role[] }): string | undefined {
  const same = change.before.length === change.after.length && change.after.every((r) => change.before.includes(r));
  if (same) return undefined;
  if (actor.kind === 'employee' && change.employeeId === actor.id) return '不能修改自己的角色，请由管理员或另一位人事经理办理';
  const changed = changedRoles(change.before, change.after);
  if (changed.length === 0) return undefined;
  const mayGrant = grantableRoles(actor);
  if (mayGrant.size === 0) return `你无权授予或取消角色：${WHO_CHANGES_ROLES}`;
  const reserved = changed.filter((r) => !mayGrant.has(r));
  if (reserved.length > 0) return `${labels(reserved)}角色只能由管理员授予或取消，请联系管理员办理`;
  const held = heldBeyondGrant(actor, change.before);
  if (held.length > 0) return `该员工现有${labels(held)}角色，其角色只能由管理员修改，请联系管理员办理`;
  return undefined;
}

/** Roles of an employee that `actor` could not have granted (EMPLOYEE and the derived MANAGER aside). */
export function heldBeyondGrant(actor: Actor, roles: readonly Role[]): Role[] {
  const mayGrant = grantableRoles(actor);
  return roles.filter((r) => r !== 'EMPLOYEE' && r !== 'MANAGER' && !mayGrant.has(r));
}

/**
 * Rebinding a chat account is signing in as that person, so the accounts of someone holding a
 * role the actor could not grant (one's own included) are changed by who could.
 */
export function identityChangeProblem(actor: Actor, roles: readonly Role[]): string | undefined {
  const held = heldBeyondGrant(actor, roles);
  if (held.length === 0) return undefined;
  const who = held.some((r) => !grantableBy.HR_MANAGER.includes(r)) ? '管理员' : '管理员或人事经理';
  return `该员工有${labels(held)}角色，其聊天账号绑定只能由${who}修改（绑定账号即可用其身份登录）`;
}
