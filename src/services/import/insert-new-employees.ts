import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import { chunk } from './chunk.ts';
import type { NewEmployee } from './plan-roster-changes.ts';
import { writeAuditEvents } from '../audit/write-audit-event.ts';

export const WRITE_BATCH = 500;

/**
 * Inserts new employees in batches of 500 with their first history row, roles, chat accounts
 * and `employee.created` events: a handful of statements per batch, whatever its size.
 */
export async function insertNewEmployees(tx: Tx, actor: Actor, creates: NewEmployee[], onBatch: (rows: number) => void): Promise<void> {
  for (const batch of chunk(creates, WRITE_BATCH)) {
    await tx.employee.createMany({
      data: batch.map(({ id, employeeNo, columns: c }) => ({
        id,
        employeeNo,
        ...c,
        startDate: parseDay(c.startDate),
        exitDate: c.exitDate === null ? null : parseDay(c.exitDate),
        enrolledOn: c.enrolledOn === null ? null : parseDay(c.enrolledOn),
        birthDate: c.birthDate === null ? null : parseDay(c.birthDate),
        contractStart: c.contractStart === null ? null : parseDay(c.contractStart),
        contractEnd: c.contractEnd === null ? null : parseDay(c.contractEnd),
        probationEnd: c.probationEnd === null ? null : parseDay(c.probationEnd),
      })),
    });
    await tx.statusChange.createMany({
      data: batch.map((c) => ({ employeeId: c.id, toStatus: c.columns.status, reason: '导入', actorId: actor.id, actorName: actor.name })),
    });
    await tx.roleAssignment.createMany({ data: batch.flatMap((c) => c.roles.map((role) => ({ employeeId: c.id, role }))) });
    const identities = batch.flatMap((c) => c.identities.map(([platform, userId]) => ({ platform, userId, employeeId: c.id })));
    if (identities.length > 0) await tx.platformIdentity.createMany({ data: identities });
    await writeAuditEvents(
      tx,
      actor,
      batch.map((c) => ({
        event: { type: 'employee.created', data: { employeeNo: c.employeeNo, name: c.columns.name, source: 'import' } },
        subject: { type: 'employee', id: c.id },
      })),
    );
    onBatch(batch.length);
  }
}
