// The employee roster template (ARCHITECTURE.md §6): Chinese headers as HR types them, the
// employee field each one feeds, and the labels HR writes for roles and statuses.
import { statusLabels } from '../../domain/lifecycle.ts';
import type { EmployeeStatus, Role } from '../../generated/prisma/enums.ts';

export const rosterColumns = [
  { header: '工号', field: 'employeeNo', required: true },
  { header: '姓名', field: 'name', required: true },
  { header: '手机号', field: 'mobile', required: false },
  { header: '身份证号', field: 'idNumber', required: false },
  { header: '入职日期', field: 'startDate', required: true },
  { header: '部门', field: 'department', required: true },
  { header: '直属上级工号', field: 'managerEmployeeNo', required: false },
  { header: '岗位', field: 'position', required: false },
  { header: '参保城市', field: 'insuredCity', required: false },
  /** A different city than 参保城市 suggests a pension transfer case to HR. */
  { header: '上一参保城市', field: 'previousInsuredCity', required: false },
  { header: '户籍省份', field: 'hukouProvince', required: false },
  { header: '合同主体', field: 'contractEntity', required: false },
  { header: '月工资', field: 'monthlyWage', required: false },
  { header: '企业微信UserID', field: 'wecom', required: false },
  { header: '钉钉UserID', field: 'dingtalk', required: false },
  { header: '角色', field: 'roles', required: false },
  { header: '状态', field: 'status', required: false },
  { header: '离职日期', field: 'exitDate', required: false },
  { header: '社保增员日期', field: 'enrolledOn', required: false },
  { header: '合同开始日期', field: 'contractStart', required: false },
  /** Empty with a 合同开始日期 = 无固定期限. */
  { header: '合同结束日期', field: 'contractEnd', required: false },
  { header: '试用期截止日期', field: 'probationEnd', required: false },
  { header: '退休类别', field: 'retirementCategory', required: false },
] as const;

export type RosterField = (typeof rosterColumns)[number]['field'];

export const headerOf = Object.fromEntries(rosterColumns.map((c) => [c.field, c.header])) as Record<RosterField, string>;

/** Spreadsheets pick up stray spaces, "*" required-markers and "(必填)" notes; none of them change the column. */
export function normalizeHeader(raw: string): string {
  return raw.replace(/[（(]必填[）)]|[\s*＊]/g, '').toLowerCase();
}

const byNormalizedHeader = new Map<string, RosterField>(rosterColumns.map((c) => [normalizeHeader(c.header), c.field]));

export function fieldOfHeader(raw: string): RosterField | undefined {
  return byNormalizedHeader.get(normalizeHeader(raw));
}

/** MANAGER is absent on purpose: line managers follow from 直属上级工号. */
export const roleLabels: Record<string, Exclude<Role, 'MANAGER'>> = {
  员工: 'EMPLOYEE',
  人事专员: 'HR_SPECIALIST',
  人事经理: 'HR_MANAGER',
  财务: 'FINANCE',
  管理员: 'ADMIN',
};

export const statusByLabel = new Map<string, EmployeeStatus>(
  (Object.entries(statusLabels) as [EmployeeStatus, string][]).map(([status, label]) => [label, status]),
);

export const dateFields = new Set<RosterField>(['startDate', 'exitDate', 'enrolledOn', 'contractStart', 'contractEnd', 'probationEnd']);
