// How roles look in the H5. The labels are the server's own (src/domain/role-labels.ts); the
// login list needs them before anyone is signed in.
import type { TagType } from 'vant';
import { roleLabels as sharedRoleLabels } from '../domain/role-labels.ts';
import type { RoleName, RoleView } from '../domain/views/session.ts';

export const roleLabels: Record<RoleName, string> = sharedRoleLabels;

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
