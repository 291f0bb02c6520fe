// The one hook every move to EXITED goes through (transition-employee-status.ts): the leaver's
// open exit case gets its checklist, and an exit that did not come through an exit case (HR set
// the status by hand) gets a case of kind OTHER, so no leaver is missed (劳动合同法 第五十条).
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { createExitChecklist } from './create-exit-checklist.ts';

const FINISHED = ['RETURNED', 'WITHDRAWN', 'CLOSED'];

/**
 * @example await ensureExitChecklist(tx, { employeeId, exitDate: '2026-11-30', actor });
 */
export async function ensureExitChecklist(tx: Tx, o: { employeeId: string; exitDate: string; actor: Actor }): Promise<{ processId: string; created: number }> {
  let process = await tx.exitProcess.findFirst({ where: { employeeId: o.employeeId, state: { notIn: FINISHED } }, orderBy: { createdAt: 'desc' }, select: { id: true } });
  if (!process) {
    process = await tx.exitProcess.create({
      data: { employeeId: o.employeeId, kind: 'OTHER', state: 'EXITED', exitDate: parseDay(o.exitDate), reason: '人事直接登记离职', createdById: o.actor.id },
      select: { id: true },
    });
    await writeAuditEvent(tx, o.actor, { type: 'exit.started', data: { processId: process.id, kind: 'OTHER', reason: 'status_set_to_exited' } }, { type: 'exit_process', id: process.id });
  }
  const created = await createExitChecklist(tx, { processId: process.id, employeeId: o.employeeId, exitDate: o.exitDate, actor: o.actor });
  return { processId: process.id, created };
}
