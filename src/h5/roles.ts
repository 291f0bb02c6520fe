// How roles look in the H5. The labels match the server's (src/services/profile/get-my-profile.ts);
// the login list needs them before anyone is signed in.
import type { TagType } from 'vant';
import type { RoleName, RoleView } from './types.ts';

export const roleLabels: Record<RoleName, string> = {
  EMPLOYEE: '员工',
  MANAGER: '直属上级',
  HR_SPECIALIST: '人事专员',
  HR_MANAGER: '人事经理',
  FINANCE: '财务',
  ADMIN: '管理员',
};

const tagTypes: Record<RoleName, TagType> = {
  EMPLOYEE: 'default',
  MANAGER: 'success',
  HR_SPECIALIST: 'primary',
  HR_MANAGER: 'primary',
  FINANCE: 'warning',
  ADMIN: 'danger',
};

export function roleTagType(role: RoleName): TagType {
  return tagTypes[role] ?? 'default';
}

/** For lists that only have role names (the login list); "我的" gets labels from the server. */
export function labelRoles(roles: readonly RoleName[]): RoleView[] {
  return roles.map((role) => ({ role, label: roleLabels[role] ?? role }));
}
