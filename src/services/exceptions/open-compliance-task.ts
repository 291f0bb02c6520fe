// Opens one ComplianceTask (unique per key) inside the caller's transaction, owned by the first
// HR specialist (or manager), with a task.opened audit event. A second open with the same key
// changes nothing, so retries and re-runs of a job never duplicate a task.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';

export const REMEDIATION_TASK = 'enrolment.remediation';
/** The insurance an approved exception still owes here (work injury for most; lawful-categories.ts). */
export const OWED_ENROLMENT_TASK = 'enrolment.owed';

export interface OpenComplianceTaskInput {
  actor: Actor;
  kind: string;
  uniqueKey: string;
  employeeId: string;
  /** The insurance exception the task belongs to; or `subject` for a task about something else. */
  exceptionId?: string;
  subject?: { type: 'employee'; id: string };
  title: string;
  details: Prisma.InputJsonObject;
  /** 'YYYY-MM-DD' */
  dueOn: string;
}

/** The first HR specialist by employee number, else the first HR manager (as reconciliation tasks do). */
async function findTaskOwner(tx: Tx): Promise<string | null> {
  for (const role of ['HR_SPECIALIST', 'HR_MANAGER'] as const) {
    const owner = await tx.employee.findFirst({ where: { status: { not: 'EXITED' }, roles: { some: { role } } }, orderBy: { employeeNo: 'asc' }, select: { id: true } });
    if (owner) return owner.id;
  }
  return null;
}

/**
 * @example
 *   await openComplianceTask(tx, { actor, kind: REMEDIATION_TASK, uniqueKey: `${REMEDIATION_TASK}:${id}`, employeeId, exceptionId: id, title: '为张三办理社保增员', details: {}, dueOn: '2026-12-21' });
 */
export async function openComplianceTask(tx: Tx, input: OpenComplianceTaskInput): Promise<{ id: string; created: boolean }> {
  const ownerId = await findTaskOwner(tx);
  const subject = input.subject ?? { type: 'insurance_exception' as const, id: input.exceptionId ?? '' };
  const created = await tx.complianceTask.createManyAndReturn({
    data: [{
      kind: input.kind, uniqueKey: input.uniqueKey, employeeId: input.employeeId, subjectType: subject.type, subjectId: subject.id,
      title: input.title, details: input.details, ownerId, dueOn: parseDay(input.dueOn),
    }],
    skipDuplicates: true,
    select: { id: true },
  });
  const task = created[0];
  if (!task) {
    const existing = await tx.complianceTask.findUniqueOrThrow({ where: { uniqueKey: input.uniqueKey }, select: { id: true } });
    return { id: existing.id, created: false };
  }
  await writeAuditEvent(tx, input.actor, {
    type: 'task.opened', data: { taskId: task.id, kind: input.kind, uniqueKey: input.uniqueKey, dueOn: input.dueOn, ownerId },
  }, subject);
  return { id: task.id, created: true };
}
