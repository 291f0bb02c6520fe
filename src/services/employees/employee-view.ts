// What callers see of an employee. Personal data is masked unless the caller may read it
// in full, in which case the read is audited by the service that asked for `reveal`.
import type { PersonalDataCipher } from '../../crypto/personal-data.ts';
import { formatDay } from '../../domain/dates.ts';
import { statusLabels } from '../../domain/lifecycle.ts';
import { maskIdNumber, maskMobile } from '../../domain/mask.ts';
import { fenToYuan } from '../../domain/money.ts';
import type { EmployeeView } from '../../domain/views/employees.ts';
import type { Prisma, Role } from '../../generated/prisma/client.ts';
import { toEmployeeIdentityView } from './employee-identity-view.ts';

export const employeeInclude = {
  department: { select: { id: true, name: true } },
  manager: { select: { id: true, employeeNo: true, name: true } },
  roles: { select: { role: true }, orderBy: { role: 'asc' } },
  identities: { select: { platform: true, userId: true }, orderBy: { platform: 'asc' } },
  _count: { select: { reports: true } },
} satisfies Prisma.EmployeeInclude;

export type EmployeeRow = Prisma.EmployeeGetPayload<{ include: typeof employeeInclude }>;

/** `today`: the business day ('YYYY-MM-DD' in BUSINESS_TZ) the 未成年工 flag is judged on. */
export function toEmployeeView(row: EmployeeRow, cipher: PersonalDataCipher, reveal: boolean, today: string): EmployeeView {
  return {
    id: row.id,
    employeeNo: row.employeeNo,
    name: row.name,
    mobile: reveal && row.mobileEnc ? cipher.decrypt(row.mobileEnc) : maskMobile(row.mobileLast4),
    idNumber: reveal && row.idNumberEnc ? cipher.decrypt(row.idNumberEnc) : maskIdNumber(row.idNumberLast4),
    personalDataMasked: !reveal,
    ...toEmployeeIdentityView(row, reveal, today),
    startDate: formatDay(row.startDate) as string,
    exitDate: formatDay(row.exitDate),
    enrolledOn: formatDay(row.enrolledOn),
    /** null with a contractStart = 无固定期限; contractStart null = no contract on record. */
    contractStart: formatDay(row.contractStart),
    contractEnd: formatDay(row.contractEnd),
    probationEnd: formatDay(row.probationEnd),
    position: row.position,
    department: row.department,
    manager: row.manager,
    insuredCity: row.insuredCity,
    previousInsuredCity: row.previousInsuredCity,
    hukouProvince: row.hukouProvince,
    contractEntity: row.contractEntity,
    monthlyWage: row.monthlyWageFen === null ? null : fenToYuan(row.monthlyWageFen),
    status: row.status,
    statusLabel: statusLabels[row.status],
    roles: effectiveRoles(row.roles.map((r) => r.role), row._count.reports),
    identities: row.identities,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type { EmployeeView };

/** Line managers are derived from the reporting line (直属上级), not assigned by hand. */
export function effectiveRoles(assigned: Role[], reportCount: number): Role[] {
  const roles = new Set<Role>(assigned.length > 0 ? assigned : ['EMPLOYEE']);
  if (reportCount > 0) roles.add('MANAGER');
  return [...roles];
}
