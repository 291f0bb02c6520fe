// Search and grouping for the dev-login list. People with a role beyond 员工 come first in
// their own group: they are who a tester usually wants to be.
import { roleLabels } from './roles.ts';
import type { DemoUser } from './types.ts';

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

export function groupDemoUsers(users: readonly DemoUser[]): DemoUserGroup[] {
  const staff = users.filter((u) => u.roles.some((r) => r !== 'EMPLOYEE'));
  const others = users.filter((u) => !staff.includes(u));
  return [
    { title: '人事、财务与管理者', users: staff },
    { title: '员工', users: others },
  ].filter((g) => g.users.length > 0);
}
