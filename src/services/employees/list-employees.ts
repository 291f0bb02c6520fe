import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import type { EmployeeStatus, Prisma } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';
import type { EmployeeList } from '../../domain/views/employees.ts';
import { employeeInclude, toEmployeeView } from './employee-view.ts';
import { visibleEmployeeFilter } from './visible-employee-filter.ts';

export interface ListEmployeesOptions {
  actor: Actor;
  status?: EmployeeStatus;
  departmentId?: string;
  /** Matches name or employee number. */
  q?: string;
  page: number;
  pageSize: number;
}

/** A page of employees visible to the actor, personal data always masked (lists are never audited reads). */
export async function listEmployees(
  deps: ServiceDeps,
  opts: ListEmployeesOptions,
): Promise<EmployeeList> {
  const scope = authorize(opts.actor, 'employee.list');
  const visible = await visibleEmployeeFilter(deps.db, opts.actor, scope);
  const where: Prisma.EmployeeWhereInput = {
    AND: [
      visible,
      opts.status ? { status: opts.status } : {},
      opts.departmentId ? { departmentId: opts.departmentId } : {},
      opts.q ? { OR: [{ name: { contains: opts.q } }, { employeeNo: { contains: opts.q } }] } : {},
    ],
  };
  const [rows, total] = await deps.db.$transaction([
    deps.db.employee.findMany({
      where,
      include: employeeInclude,
      orderBy: { employeeNo: 'asc' },
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    }),
    deps.db.employee.count({ where }),
  ]);
  return { items: rows.map((r) => toEmployeeView(r, deps.cipher, false, dayIn(deps.businessTz, deps.now()))), total, page: opts.page, pageSize: opts.pageSize };
}
