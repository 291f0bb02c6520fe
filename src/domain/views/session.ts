// The /api/v1/h5 session endpoints (src/http/routes/h5-session-routes.ts): the dev login's
// options and 我的 (GET /me). Shared by the services that build them and the H5 pages. Types
// only: the H5 bundle gains no code from here.
import type { Role } from '../../generated/prisma/enums.ts';

export type RoleName = Role;

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
