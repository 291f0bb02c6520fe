// Search and grouping for the dev-login list: one group per role, the roles a tester usually
// wants to be first. Each person appears once, under the first of their roles in that order.
import { roleLabels } from './roles.ts';
import type { DemoUser, RoleName } from '../domain/views/session.ts';

export interface DemoUserGroup {
  title: string;
  users: DemoUser[];
}

/** Matches name, 工号, department or a role label, ignoring case and surrounding spaces. */
export function filterDemoUsers(users: readonly DemoUser[], keyword: string): DemoUser[] {
  const k = keyword.trim().toLowerCase();
  if (!k) return [...users];
  return users.filter((u) =>
    [u.name, u.employeeNo, u.department, ...u.roles.map((r) => roleLabels[r])].some((text) => text.toLowerCase().includes(k)),
  );
}

/** Group order: HR and the admin (the workbench), then finance, managers and everyone else. */
const GROUP_ORDER: readonly RoleName[] = ['HR_MANAGER', 'HR_SPECIALIST', 'ADMIN', 'FINANCE', 'MANAGER', 'EMPLOYEE'];

export function groupDemoUsers(users: readonly DemoUser[]): DemoUserGroup[] {
  const groupOf = (u: DemoUser) => GROUP_ORDER.find((role) => u.roles.includes(role)) ?? 'EMPLOYEE';
  return GROUP_ORDER.map((role) => ({ title: roleLabels[role], users: users.filter((u) => groupOf(u) === role) })).filter((g) => g.users.length > 0);
}
