// Checklist reminders as at the end of `asOf`: on the due day the owner gets a card (once); a
// task still open after its due day escalates to the HR managers (once). The timestamps are the
// compare-and-set guards, so a rerun for the same day queues nothing.
import { buildExitTaskCard } from '../../../cards/exit-task-cards.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadExitEmployee } from './exit-facts.ts';
import { queueExitCard } from './queue-exit-card.ts';

/**
 * @example await remindExitTasks(deps, { asOf: '2026-11-17', actor }); // → { reminded: 2, escalated: 1 }
 */
export async function remindExitTasks(deps: ServiceDeps, o: { asOf: string; actor: Actor }): Promise<{ reminded: number; escalated: number }> {
  const asOf = parseDay(o.asOf);
  const tasks = await deps.db.exitTask.findMany({
    where: { state: 'OPEN', dueOn: { lte: asOf }, OR: [{ remindedAt: null }, { escalatedAt: null, dueOn: { lt: asOf } }] },
    include: { process: { select: { exitDate: true } } },
    orderBy: { dueOn: 'asc' },
  });
  let reminded = 0;
  let escalated = 0;
  for (const task of tasks) {
    const overdue = formatDay(task.dueOn) as string < o.asOf;
    const flags = await deps.db.$transaction(async (tx) => {
      const now = deps.now();
      const employee = await loadExitEmployee(tx, task.employeeId);
      const owner = task.ownerId ? await tx.employee.findUnique({ where: { id: task.ownerId }, select: { name: true, status: true } }) : null;
      const ownerReachable = Boolean(owner && owner.status !== 'EXITED' && task.ownerId
        && (await tx.platformIdentity.count({ where: { employeeId: task.ownerId, platform: { in: deps.chatPlatforms } } })) > 0);
      const facts = {
        employeeName: employee.name, department: employee.department, exitDate: formatDay(task.process.exitDate) ?? '—',
        title: task.title, dueOn: formatDay(task.dueOn) as string, legalBasis: task.legalBasis, owner: owner?.name ?? '人事专员',
      };
      const h5Url = `${deps.publicBaseUrl}/app/exits/${task.processId}`;
      const audit = { processId: task.processId, taskId: task.id, kind: task.kind, dueOn: facts.dueOn };
      const done = { reminded: false, escalated: false };
      if (!task.remindedAt && (await compareAndSet(tx.exitTask, { id: task.id, state: 'OPEN', remindedAt: null }, { remindedAt: now }))) {
        await queueExitCard(deps, tx, {
          actor: o.actor, subjectType: 'exit_task', subjectId: task.id, employeeId: task.employeeId, stage: 'due',
          // An owner without a chat account (or gone) cannot be reminded: the HR specialists are.
          audience: ownerReachable ? { kind: 'employees', ids: [task.ownerId as string] } : { kind: 'hr' },
          build: (key) => buildExitTaskCard({ overdue: false, facts, key, h5Url }),
        });
        await writeAuditEvent(tx, o.actor, { type: 'exit.task_reminded', data: audit }, { type: 'exit_process', id: task.processId });
        done.reminded = true;
      }
      if (overdue && !task.escalatedAt && (await compareAndSet(tx.exitTask, { id: task.id, state: 'OPEN', escalatedAt: null }, { escalatedAt: now }))) {
        await queueExitCard(deps, tx, {
          actor: o.actor, subjectType: 'exit_task', subjectId: task.id, employeeId: task.employeeId, stage: 'overdue', audience: { kind: 'hrManagers' },
          build: (key) => buildExitTaskCard({ overdue: true, facts, key, h5Url }),
        });
        await writeAuditEvent(tx, o.actor, { type: 'exit.task_escalated', data: audit }, { type: 'exit_process', id: task.processId });
        done.escalated = true;
      }
      return done;
    });
    if (flags.reminded) reminded++;
    if (flags.escalated) escalated++;
  }
  return { reminded, escalated };
}
