// The rows of the KPI department table: the children of the chosen department (the root
// departments when none is chosen), and the chosen department itself for its own staff.
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

export interface KpiDepartment {
  id: string;
  name: string;
  own: boolean;
}

/** Bounded by the size of one level of the department tree. @example await findKpiDepartments(db, { departmentId: null }) */
export async function findKpiDepartments(db: Db, o: { departmentId: string | null }): Promise<KpiDepartment[]> {
  const children = await db.department.findMany({ where: { parentId: o.departmentId }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 500 });
  const rows = children.map((d) => ({ ...d, own: false }));
  if (!o.departmentId) return rows;
  const self = await db.department.findUnique({ where: { id: o.departmentId }, select: { id: true, name: true } });
  if (!self) throw new AppError('not_found', '找不到这个部门，请从部门列表中重新选择');
  return [{ ...self, own: true }, ...rows];
}
