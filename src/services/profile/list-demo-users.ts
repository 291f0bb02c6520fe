import type { DemoUser } from '../../domain/views/session.ts';
import type { ServiceDeps } from '../deps.ts';
import { effectiveRoles } from '../employees/employee-view.ts';

/**
 * People offered by the dev login: everyone with a sandbox identity who has not left,
 * HR and managers first so the interesting roles are at the top.
 */
export async function listDemoUsers(deps: ServiceDeps): Promise<DemoUser[]> {
  const rows = await deps.db.employee.findMany({
    where: { status: { not: 'EXITED' }, identities: { some: { platform: 'sandbox' } } },
    select: {
      id: true, employeeNo: true, name: true,
      department: { select: { name: true } },
      roles: { select: { role: true } },
      _count: { select: { reports: true } },
    },
    orderBy: { employeeNo: 'asc' },
    take: 500,
  });
  const users = rows.map((r) => ({
    id: r.id, employeeNo: r.employeeNo, name: r.name, department: r.department.name,
    roles: effectiveRoles(r.roles.map((x) => x.role), r._count.reports),
  }));
  const rank = (roles: string[]) => (roles.some((x) => x !== 'EMPLOYEE') ? 0 : 1);
  return users.sort((a, b) => rank(a.roles) - rank(b.roles));
}
