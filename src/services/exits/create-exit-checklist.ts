// Every leaver's checklist (absence, resignation, mutual agreement, any other exit): one task per
// legal duty with its deadline (domain/exits/exit-checklist.ts) and an HR owner. Idempotent: the
// unique key is process + duty, so a second call creates nothing.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { planExitChecklist } from '../../domain/exits/exit-checklist.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compensationBasis, compensationMonths, compensationText } from '../../domain/contracts/economic-compensation.ts';
import { findChecklistOwner } from './exit-recipients.ts';
import { loadExitSettings } from './load-exit-settings.ts';

export interface CreateExitChecklistOptions {
  processId: string;
  employeeId: string;
  /** 'YYYY-MM-DD' */
  exitDate: string;
  actor: Actor;
}

/**
 * @example
 *   const created = await createExitChecklist(tx, { processId, employeeId, exitDate: '2026-11-16', actor }); // → 6 tasks the first time (7 when compensation is owed), 0 after
 */
export async function createExitChecklist(tx: Tx, o: CreateExitChecklistOptions): Promise<number> {
  const { calendar } = await loadExitSettings(tx);
  const owner = await findChecklistOwner(tx, o.actor);
  const existing = new Set((await tx.exitTask.findMany({ where: { processId: o.processId }, select: { kind: true } })).map((t) => t.kind));
  let created = 0;
  for (const plan of planExitChecklist(o.exitDate, calendar, await compensationOwed(tx, o))) {
    if (existing.has(plan.kind)) continue;
    const task = await tx.exitTask.create({
      data: {
        processId: o.processId, employeeId: o.employeeId, kind: plan.kind, title: plan.title, legalBasis: plan.legalBasis,
        dueOn: parseDay(plan.dueOn), ownerId: owner?.id ?? null, uniqueKey: `${o.processId}:${plan.kind}`,
      },
    });
    await writeAuditEvent(tx, o.actor, { type: 'exit.task_opened', data: { processId: o.processId, taskId: task.id, kind: plan.kind, dueOn: plan.dueOn } }, { type: 'exit_process', id: o.processId });
    created++;
  }
  return created;
}

/** The 支付经济补偿 item's text when this exit owes compensation (劳动合同法 第四十六条、第四十七条). */
async function compensationOwed(tx: Tx, o: CreateExitChecklistOptions): Promise<{ legalBasis: string } | undefined> {
  const p = await tx.exitProcess.findUniqueOrThrow({ where: { id: o.processId }, select: { kind: true, proposedBy: true } });
  const basis = compensationBasis(p);
  if (!basis) return undefined;
  const e = await tx.employee.findUniqueOrThrow({ where: { id: o.employeeId }, select: { startDate: true, monthlyWageFen: true } });
  const startDate = formatDay(e.startDate) as string;
  const months = compensationMonths(p, startDate, o.exitDate);
  return { legalBasis: compensationText(basis, months, e.monthlyWageFen, p.kind === 'EMPLOYER_FAULT_RESIGNATION' && startDate < '2008-01-01') };
}
