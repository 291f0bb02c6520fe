// The employee facts a transfer view shows, for many cases at once.
import type { Db, Tx } from '../../db/client.ts';
import type { TransferView } from '../../domain/views/transfer.ts';

export async function loadTransferEmployees(db: Db | Tx, ids: readonly string[]): Promise<Map<string, TransferView['employee']>> {
  const rows = await db.employee.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, employeeNo: true } });
  return new Map(rows.map((e) => [e.id, e]));
}
