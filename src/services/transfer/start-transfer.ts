// HR opens a pension transfer case (国办发〔2009〕66号): step 1, the application with the old place's
// 参保缴费凭证, is done on the start day. One open case per employee: a second would double the
// reminders for the same move. A start day ahead of today is allowed (an application booked for a
// day): the reminder job only looks at cases started by its day.
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { sameCity } from '../../domain/transfer/city-province.ts';
import { TRANSFER_STEP_COUNT } from '../../domain/transfer/transfer-steps.ts';
import type { TransferView } from '../../domain/views/transfer.ts';
import { AppError } from '../../errors.ts';
import type { TransferDirection } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadTransferView } from './get-transfer.ts';

export interface StartTransferOptions {
  actor: Actor;
  employeeId: string;
  fromCity: string;
  toCity: string;
  direction: TransferDirection;
  /** 'YYYY-MM-DD': the day the application was handed in. */
  startedOn: string;
}

/**
 * @example await startTransfer(deps, { actor, employeeId, fromCity: '长沙', toCity: '上海', direction: 'INTO', startedOn: '2026-09-24' });
 */
export async function startTransfer(deps: ServiceDeps, o: StartTransferOptions): Promise<TransferView> {
  authorize(o.actor, 'transfer.manage');
  const fromCity = o.fromCity.trim();
  const toCity = o.toCity.trim();
  if (sameCity(fromCity, toCity)) throw new AppError('bad_request', '转出地和转入地是同一个城市，无需办理转移接续；请检查城市');
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pension-transfer:${o.employeeId}`}, 0))`;
    const employee = await tx.employee.findUnique({ where: { id: o.employeeId }, select: { id: true } });
    if (!employee) throw new AppError('not_found', '找不到这名员工，请在员工列表中确认后重试');
    const open = await tx.pensionTransfer.findFirst({ where: { employeeId: o.employeeId, state: 'OPEN' }, select: { fromCity: true, toCity: true } });
    if (open) throw new AppError('conflict', `这名员工已有进行中的转移接续（${open.fromCity} → ${open.toCity}），请在原案件中办理`);
    const by = { doneById: o.actor.id, doneByName: o.actor.name };
    const t = await tx.pensionTransfer.create({
      data: {
        employeeId: o.employeeId, fromCity, toCity, direction: o.direction, startedOn: parseDay(o.startedOn), startedById: o.actor.id, startedByName: o.actor.name,
        steps: { create: Array.from({ length: TRANSFER_STEP_COUNT }, (_, i) => (i === 0 ? { step: 1, doneOn: parseDay(o.startedOn), doneAt: deps.now(), ...by } : { step: i + 1 })) },
      },
    });
    await writeAuditEvent(tx, o.actor, { type: 'transfer.started', data: { transferId: t.id, fromCity, toCity, direction: o.direction, startedOn: o.startedOn } }, { type: 'employee', id: o.employeeId });
    return loadTransferView(deps, tx, t.id);
  });
}
