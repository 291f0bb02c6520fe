// HR's list of pension transfer cases: open ones first, then by start day.
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import type { TransferList } from '../../domain/views/transfer.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadTransferCalendar } from './load-transfer-calendar.ts';
import { loadEmployeeNames } from '../employees/load-employee-names.ts';
import { toTransferView } from './transfer-view.ts';

/**
 * @example const { transfers } = await listTransfers(deps, { actor, state: 'OPEN' });
 */
export async function listTransfers(deps: ServiceDeps, o: { actor: Actor; state?: 'OPEN' | 'DONE'; employeeId?: string }): Promise<TransferList> {
  authorize(o.actor, 'transfer.manage');
  const rows = await deps.db.pensionTransfer.findMany({
    where: { ...(o.state && { state: o.state }), ...(o.employeeId && { employeeId: o.employeeId }) },
    include: { steps: true },
    orderBy: [{ state: 'desc' }, { startedOn: 'asc' }, { id: 'asc' }],
    take: 500,
  });
  const [calendar, employees] = await Promise.all([loadTransferCalendar(deps.db), loadEmployeeNames(deps.db, rows.map((r) => r.employeeId))]);
  const today = dayIn(deps.businessTz, deps.now());
  return {
    today,
    transfers: rows.flatMap((t) => {
      const e = employees.get(t.employeeId);
      return e ? [toTransferView(t, e, calendar, today)] : [];
    }),
  };
}
