// The employee as /api/v1/employees answers with it (src/services/employees/employee-view.ts; the
// OpenAPI schema is src/http/routes/employee-view-schema.ts), shared with the H5 员工 pages
// (EmployeesPage.vue, EmployeeStatusPage.vue, TeamPage.vue). Types only: the H5 bundle gains no code from here.
import type { IdType } from '../identity-document.ts';
import type { RetirementCategory, StatutoryRetirement } from '../retirement/statutory-retirement.ts';
import type { EmployeeStatus, Role } from '../../generated/prisma/enums.ts';

/** The identity and retirement part: document type, 渐进式延迟法定退休年龄, 未成年工, notes for HR. */
export interface EmployeeIdentityView {
  idType: IdType | null;
  idTypeLabel: string | null;
  birthDate: string | null;
  /** Recorded by HR, or 男 derived from the ID number; null when unknown. */
  retirementCategory: RetirementCategory | null;
  retirementCategoryLabel: string | null;
  retirementCategorySource: 'recorded' | 'id_number' | null;
  /** null when the birth date or the category is unknown. */
  statutoryRetirement: StatutoryRetirement | null;
  /** 16 or 17 on today's business day (《劳动法》第五十八条). */
  minorWorker: boolean;
  /** What HR should know or complete, in Chinese. */
  notes: string[];
}

/** One employee; personal data arrives masked unless personalDataMasked is false. Dates are 'YYYY-MM-DD'. */
export interface EmployeeView extends EmployeeIdentityView {
  id: string;
  employeeNo: string;
  name: string;
  mobile: string | null;
  idNumber: string | null;
  personalDataMasked: boolean;
  startDate: string;
  exitDate: string | null;
  enrolledOn: string | null;
  /** null with a contractStart = 无固定期限; contractStart null = no contract on record. */
  contractStart: string | null;
  contractEnd: string | null;
  probationEnd: string | null;
  position: string | null;
  department: { id: string; name: string };
  manager: { id: string; employeeNo: string; name: string } | null;
  insuredCity: string | null;
  previousInsuredCity: string | null;
  hukouProvince: string | null;
  contractEntity: string | null;
  /** yuan */
  monthlyWage: string | null;
  status: EmployeeStatus;
  statusLabel: string;
  roles: Role[];
  identities: { platform: string; userId: string }[];
  version: number;
  /** ISO instant */
  updatedAt: string;
}

/** GET /employees: a page of employees, personal data always masked. */
export interface EmployeeList {
  items: EmployeeView[];
  total: number;
  page: number;
  pageSize: number;
}

/** One lifecycle change (GET /employees/:id/status-history), oldest first. */
export interface StatusChangeView {
  from: EmployeeStatus | null;
  to: EmployeeStatus;
  /** '在职 → 离职' */
  label: string;
  reason: string;
  actor: { id: string; name: string };
  /** ISO instant */
  at: string;
}
