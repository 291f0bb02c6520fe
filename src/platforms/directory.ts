/** A platform's organisation as the directory-sync job needs it, the same shape for both platforms. */
export interface PlatformDepartment {
  id: string;
  name: string;
  parentId?: string;
}

export interface PlatformUser {
  userId: string;
  name: string;
  mobile?: string;
  /** DingTalk job_number; WeCom has no standard field for it. */
  employeeNo?: string;
  position?: string;
  departmentIds: string[];
  /** False for disabled/left accounts. */
  active: boolean;
}

export interface PlatformDirectory {
  departments: PlatformDepartment[];
  users: PlatformUser[];
}

/** Departments whose parent is outside the visible set: the app may see only a subtree. */
export function rootsOf(departments: PlatformDepartment[]): PlatformDepartment[] {
  const ids = new Set(departments.map((d) => d.id));
  return departments.filter((d) => !d.parentId || !ids.has(d.parentId));
}
