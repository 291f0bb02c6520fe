// The /api/v1/h5 session endpoints (src/http/routes/h5-session-routes.ts): the dev login's
// options and 我的 (GET /me). Shared by the services that build them and the H5 pages. Types
// only: the H5 bundle gains no code from here.
import type { Role } from '../../generated/prisma/enums.ts';
import type { EmployeeView } from './employees.ts';

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

/** The signed-in employee's own record: the employee view, personal data masked. */
export type MyEmployee = EmployeeView;

export interface RoleView {
  role: RoleName;
  label: string;
}

export interface MeResponse {
  employee: MyEmployee;
  roles: RoleView[];
}
