// Which page `/app` opens for whom: HR staff (and the admin) their 工作台, a line manager their
// team, everyone else 我的. Pure, so the rule is tested without a browser.
import type { RoleName } from '../domain/views/session.ts';

const HR_HOME_ROLES: readonly RoleName[] = ['HR_SPECIALIST', 'HR_MANAGER', 'ADMIN'];

/** The route name of a person's home page. */
export function homePageFor(roles: readonly RoleName[]): 'workbench' | 'team' | 'me' {
  if (roles.some((r) => HR_HOME_ROLES.includes(r))) return 'workbench';
  if (roles.includes('MANAGER')) return 'team';
  return 'me';
}

