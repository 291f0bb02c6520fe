import type { Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { chunk } from './chunk.ts';

const knownInclude = {
  roles: { select: { role: true } },
  identities: { select: { platform: true, userId: true } },
} satisfies Prisma.EmployeeInclude;

export type KnownEmployee = Prisma.EmployeeGetPayload<{ include: typeof knownInclude }>;

/** The stored employees among `employeeNos`, keyed by 工号: one query per 5,000 numbers. */
export async function loadRosterEmployees(tx: Tx, employeeNos: Iterable<string>): Promise<Map<string, KnownEmployee>> {
  const known = new Map<string, KnownEmployee>();
  for (const batch of chunk([...new Set(employeeNos)], 5000)) {
    const rows = await tx.employee.findMany({ where: { employeeNo: { in: batch } }, include: knownInclude });
    for (const row of rows) known.set(row.employeeNo, row);
  }
  return known;
}
