// Who owns a reconciliation task: the first HR specialist by employee number, or the first HR
// manager in a company without specialists. Deterministic, so re-runs pick the same person.
import type { Db } from '../../db/client.ts';

export async function findTaskOwner(db: Db): Promise<string | null> {
  for (const role of ['HR_SPECIALIST', 'HR_MANAGER'] as const) {
    const owner = await db.employee.findFirst({
      where: { status: { not: 'EXITED' }, roles: { some: { role } } },
      orderBy: { employeeNo: 'asc' },
      select: { id: true },
    });
    if (owner) return owner.id;
  }
  return null;
}
