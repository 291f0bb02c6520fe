// Wire shapes of the /api/v1/h5 endpoints (src/http/routes/h5-session-routes.ts). Declared
// here rather than imported so the browser build never pulls server modules in.
export type RoleName = 'EMPLOYEE' | 'MANAGER' | 'HR_SPECIALIST' | 'HR_MANAGER' | 'FINANCE' | 'ADMIN';

export interface DemoUser {
  id: string;
  employeeNo: string;
  name: string;
  department: string;
  roles: RoleName[];
}

export interface LoginOptions {
  devLogin: boolean;
  platforms: string[];
  users: DemoUser[];
}

/** Dates are 'YYYY-MM-DD' calendar days; personal data arrives masked. */
export interface MyEmployee {
  id: string;
  employeeNo: string;
  name: string;
  mobile: string | null;
  idNumber: string | null;
  startDate: string;
  exitDate: string | null;
  enrolledOn: string | null;
  /** The labour contract: null start = none on record; null end with a start = 无固定期限. */
  contractStart: string | null;
  contractEnd: string | null;
  probationEnd: string | null;
  position: string | null;
  department: { id: string; name: string };
  manager: { id: string; employeeNo: string; name: string } | null;
  insuredCity: string | null;
  contractEntity: string | null;
  status: string;
  statusLabel: string;
  idTypeLabel: string | null;
  retirementCategoryLabel: string | null;
  retirementCategorySource: 'recorded' | 'id_number' | null;
  /** 渐进式延迟法定退休年龄; null when the birth date or 退休类别 is unknown. */
  statutoryRetirement: { years: number; months: number; month: string } | null;
  minorWorker: boolean;
  notes: string[];
}

export interface RoleView {
  role: RoleName;
  label: string;
}

export interface MeResponse {
  employee: MyEmployee;
  roles: RoleView[];
}
