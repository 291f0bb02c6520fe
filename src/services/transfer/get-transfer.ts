// One transfer case with its steps and due days (HR only: it is about an employee's pension).
import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import type { TransferView } from '../../domain/views/transfer.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadTransferCalendar } from './load-transfer-calendar.ts';
import { loadEmployeeNames } from '../employees/load-employee-names.ts';
import { toTransferView } from './transfer-view.ts';

export const TRANSFER_NOT_FOUND = '找不到这个转移接续案件，请在「转移接续」中刷新后重试';

/**
 * @example const view = await getTransfer(deps, { transferId, actor });
 */
export async function getTransfer(deps: ServiceDeps, o: { transferId: string; actor: Actor }): Promise<TransferView> {
  authorize(o.actor, 'transfer.manage');
  return loadTransferView(deps, deps.db, o.transferId);
}

/** The view of a case as stored in `db` (a transaction sees its own writes). */
export async function loadTransferView(deps: Pick<ServiceDeps, 'businessTz' | 'now'>, db: Db | Tx, transferId: string): Promise<TransferView> {
  const t = await db.pensionTransfer.findUnique({ where: { id: transferId }, include: { steps: true } });
  if (!t) throw new AppError('not_found', TRANSFER_NOT_FOUND);
  const [calendar, employees] = await Promise.all([loadTransferCalendar(db), loadEmployeeNames(db, [t.employeeId])]);
  const employee = employees.get(t.employeeId) ?? { id: t.employeeId, name: '（已删除的员工）', employeeNo: '' };
  return toTransferView(t, employee, calendar, dayIn(deps.businessTz, deps.now()));
}
